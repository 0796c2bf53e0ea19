/*
|--------------------------------------------------------------------------
| Routes file
|--------------------------------------------------------------------------
|
| Routes are declared by resource (and ":id" is always a number, so
| "/agreements/create" never reads as a record). A group says only whether a
| visitor must be logged in (or must not be); who may do what is decided in one
| place, the resource's policy (app/policies), which every controller action
| asks before it answers:
|   - public: anyone (health check, language switch, calendar feeds by token)
|   - guests: visitors not logged in (login page)
|   - everyone logged in: the rest, each action authorized by its policy
| Pages that only show data go through the page cache (PageCacheMiddleware):
| served again, per person, until the data's revision changes.
| tests/functional/routes_access.spec.ts holds the expected outcome of every
| route for every role: a new route without a decision there fails the suite;
| tests/functional/hostile_inputs.spec.ts attacks every form's fields: a new
| POST, PUT or DELETE route without a spec there fails it too.
|
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import env from '#start/env'

/** Public: monitoring and the language switch. */
router.get('/health', [controllers.Health, 'show']).as('health')
router.put('/locale', [controllers.Locales, 'update']).as('locale.update')

/** Public with a secret token in the address: calendar feeds that calendar apps subscribe to. */
router.group(() => {
  router
    .get('/calendar/:token/bookings.ics', [controllers.CalendarFeeds, 'show'])
    .as('calendar_feeds.show')
    .use(middleware.pageCache())
  router
    .get('/calendar/:token/rooms/:id/bookings.ics', [controllers.CalendarFeeds, 'room'])
    .as('calendar_feeds.room')
    .use(middleware.pageCache())
    .where('id', router.matchers.number())
})

/**
 * Public with a single-use token in the address: an email change's link, followed signed in
 * or not (it proves the person reads the new mailbox; the page asks to confirm, so that a
 * mail scanner opening the link changes nothing).
 */
router
  .get('/email-changes/:token/confirmation/create', [
    controllers.emailChanges.Confirmations,
    'create',
  ])
  .as('email_changes.confirmation.create')
router
  .post('/email-changes/:token/confirmation', [controllers.emailChanges.Confirmations, 'store'])
  .as('email_changes.confirmation.store')

/** Guests: the login page, and its second step for accounts with two-factor sign-in. */
router
  .group(() => {
    router.get('/login', [controllers.Session, 'create']).as('session.create')
    router.post('/login', [controllers.Session, 'store']).as('session.store')
    router
      .get('/session/two-factor-challenge/create', [
        controllers.session.TwoFactorChallenges,
        'create',
      ])
      .as('session.two_factor_challenge.create')
    router
      .post('/session/two-factor-challenge', [controllers.session.TwoFactorChallenges, 'store'])
      .as('session.two_factor_challenge.store')
    /** A forgotten password: ask for a link, then follow it (the token in the address). */
    router
      .get('/password-resets/create', [controllers.PasswordResets, 'create'])
      .as('password_resets.create')
    router
      .post('/password-resets', [controllers.PasswordResets, 'store'])
      .as('password_resets.store')
    router
      .get('/password-resets/:token/edit', [controllers.PasswordResets, 'edit'])
      .as('password_resets.edit')
    router
      .put('/password-resets/:token', [controllers.PasswordResets, 'update'])
      .as('password_resets.update')
    /** An invitation's link: the invited person opens their account. */
    router
      .get('/invitations/:token/acceptance/create', [controllers.invitations.Acceptances, 'create'])
      .as('invitations.acceptance.create')
    router
      .post('/invitations/:token/acceptance', [controllers.invitations.Acceptances, 'store'])
      .as('invitations.acceptance.store')
  })
  .use(middleware.guest())

/** Everyone logged in: one's own account. */
router
  .group(() => {
    router.get('/', [controllers.Home, 'show']).as('home').use(middleware.pageCache())
    router.delete('/logout', [controllers.Session, 'destroy']).as('session.destroy')
    router.get('/account/password/edit', [controllers.Passwords, 'edit']).as('password.edit')
    router.put('/account/password', [controllers.Passwords, 'update']).as('password.update')
    router.get('/account/email/edit', [controllers.account.Emails, 'edit']).as('account.email.edit')
    router.put('/account/email', [controllers.account.Emails, 'update']).as('account.email.update')
    router
      .get('/account/sessions', [controllers.account.Sessions, 'index'])
      .as('account.sessions.index')
    router
      .delete('/account/sessions/others', [controllers.account.Sessions, 'destroyOthers'])
      .as('account.sessions.others.destroy')
    router
      .get('/account/calendar/edit', [controllers.account.Calendars, 'edit'])
      .as('account.calendar.edit')
    router
      .put('/account/calendar', [controllers.account.Calendars, 'update'])
      .as('account.calendar.update')
    router
      .get('/account/two-factor', [controllers.account.TwoFactors, 'show'])
      .as('account.two_factor.show')
    router
      .get('/account/two-factor/create', [controllers.account.TwoFactors, 'create'])
      .as('account.two_factor.create')
    router
      .post('/account/two-factor', [controllers.account.TwoFactors, 'store'])
      .as('account.two_factor.store')
    router
      .delete('/account/two-factor', [controllers.account.TwoFactors, 'destroy'])
      .as('account.two_factor.destroy')
    router
      .post('/account/two-factor/recovery-codes', [
        controllers.account.twoFactor.RecoveryCodes,
        'store',
      ])
      .as('account.two_factor.recovery_codes.store')
  })
  .use(middleware.auth())

/**
 * Logged in, by resource: each controller action asks the resource's policy
 * (app/policies/<resource>_policy.ts) who may do it.
 */
router
  .group(() => {
    /** The dashboard, its print view and exports (aggregates only for officials). */
    router
      .get('/dashboard', [controllers.Dashboards, 'show'])
      .as('dashboard.show')
      .use(middleware.pageCache())
    router
      .get('/dashboard/print', [controllers.dashboard.Prints, 'show'])
      .as('dashboard.print')
      .use(middleware.pageCache())
    router
      .get('/dashboard/series.csv', [controllers.dashboard.Exports, 'series'])
      .as('dashboard.series')
      .use(middleware.pageCache())
    router
      .get('/dashboard/companies.csv', [controllers.dashboard.Exports, 'companies'])
      .as('dashboard.companies')
      .use(middleware.pageCache())
    router
      .get('/dashboard.xlsx', [controllers.dashboard.Exports, 'workbook'])
      .as('dashboard.workbook')
      .use(middleware.pageCache())

    /** Goals. */
    router
      .resource('goals', controllers.Goals)
      .only(['index', 'create', 'store', 'edit', 'update'])
      .use(['index'], middleware.pageCache())
    router
      .resource('goals.current', controllers.goals.Current)
      .only(['store'])
      .params({ goals: 'id' })

    /** Users, their disablement and the reset of their second factor. */
    router
      .resource('users', controllers.Users)
      .only(['index', 'create', 'store', 'edit', 'update'])
      .use(['index'], middleware.pageCache())
    router
      .post('/users/:id/disablement', [controllers.users.Disablements, 'store'])
      .as('users.disablement.store')
    router
      .delete('/users/:id/disablement', [controllers.users.Disablements, 'destroy'])
      .as('users.disablement.destroy')
    router
      .delete('/users/:id/two-factor', [controllers.users.TwoFactors, 'destroy'])
      .as('users.two_factor.destroy')

    /** Invitations to open an account, their renewal (sent again) and withdrawal. */
    router
      .resource('invitations', controllers.Invitations)
      .only(['index', 'create', 'store', 'destroy'])
    router
      .resource('invitations.renewal', controllers.invitations.Renewals)
      .only(['store'])
      .params({ invitations: 'id' })

    /** Companies, their contact details, declarations, SEPA mandates, exit and archiving. */
    router
      .resource('companies', controllers.Companies)
      .only(['index', 'create', 'store', 'show', 'edit', 'update'])
      .use(['index', 'show'], middleware.pageCache())
    router
      .get('/companies/:id/contact/edit', [controllers.companies.Contacts, 'edit'])
      .as('companies.contact.edit')
    router
      .put('/companies/:id/contact', [controllers.companies.Contacts, 'update'])
      .as('companies.contact.update')
    router
      .get('/companies/:id/billing-details/edit', [controllers.companies.BillingDetails, 'edit'])
      .as('companies.billing_details.edit')
    router
      .put('/companies/:id/billing-details', [controllers.companies.BillingDetails, 'update'])
      .as('companies.billing_details.update')
    router
      .resource('companies.declarations', controllers.companies.Declarations)
      .only(['index', 'create', 'store'])
      .params({ companies: 'id' })
      .use(['index'], middleware.pageCache())
    router
      .resource('companies.exit', controllers.companies.Exits)
      .only(['create', 'store'])
      .params({ companies: 'id' })
    router
      .resource('companies.mandates', controllers.companies.Mandates)
      .only(['create', 'store'])
      .params({ companies: 'id' })
    router
      .resource('mandates.revocation', controllers.mandates.Revocations)
      .only(['create', 'store'])
      .params({ mandates: 'id' })
    router
      .post('/companies/:id/archive', [controllers.companies.Archives, 'store'])
      .as('companies.archive.store')
    router
      .delete('/companies/:id/archive', [controllers.companies.Archives, 'destroy'])
      .as('companies.archive.destroy')

    /** Headcount declarations across companies, their corrections and validation. */
    router
      .resource('declarations', controllers.Declarations)
      .only(['index', 'edit', 'update'])
      .use(['index'], middleware.pageCache())
    router
      .resource('declarations.validation', controllers.declarations.Validations)
      .only(['store'])
      .params({ declarations: 'id' })

    /** Agreements and their changes. */
    router
      .resource('agreements', controllers.Agreements)
      .only(['create', 'store', 'show', 'edit', 'update'])
      .use(['show'], middleware.pageCache())
    router
      .resource('agreements.activation', controllers.agreements.Activations)
      .only(['create', 'store'])
      .params({ agreements: 'id' })
    router
      .resource('agreements.discard', controllers.agreements.Discards)
      .only(['create', 'store'])
      .params({ agreements: 'id' })
    router
      .resource('agreements.termination', controllers.agreements.Terminations)
      .only(['create', 'store'])
      .params({ agreements: 'id' })
    router
      .resource('agreements.move', controllers.agreements.Moves)
      .only(['create', 'store'])
      .params({ agreements: 'id' })
    router
      .resource('agreements.renewal', controllers.agreements.Renewals)
      .only(['create', 'store'])
      .params({ agreements: 'id' })

    /** The rent roll. */
    router
      .get('/rent-roll', [controllers.RentRolls, 'show'])
      .as('rent_roll.show')
      .use(middleware.pageCache())
    router
      .get('/rent-roll.csv', [controllers.RentRolls, 'export'])
      .as('rent_roll.export')
      .use(middleware.pageCache())

    /**
     * Invoices and credit notes: the month's billing run (its drafts prepared, issued one by
     * one or all at once), a draft's lines, credit notes from an issued invoice.
     */
    router.resource('invoices', controllers.Invoices).only(['index', 'show'])
    router.post('/billing-runs', [controllers.BillingRuns, 'store']).as('billing_runs.store')
    router
      .get('/billing-runs/issuance/create', [controllers.billingRuns.Issuances, 'create'])
      .as('billing_runs.issuance.create')
    router
      .post('/billing-runs/issuance', [controllers.billingRuns.Issuances, 'store'])
      .as('billing_runs.issuance.store')
    router
      .resource('invoices.issuance', controllers.invoices.Issuances)
      .only(['create', 'store'])
      .params({ invoices: 'id' })
    router
      .resource('invoices.lines', controllers.invoices.Lines)
      .only(['create', 'store'])
      .params({ invoices: 'id' })
    router.resource('invoice-lines', controllers.InvoiceLines).only(['edit', 'update', 'destroy'])
    router
      .get('/invoices/:id/document', [controllers.invoices.Documents, 'show'])
      .as('invoices.document.show')
      .where('id', router.matchers.number())
    router
      .resource('invoices.credit-notes', controllers.invoices.CreditNotes)
      .only(['create', 'store'])
      .params({ invoices: 'id' })

    /** Cells, the free ones and their timeline. */
    router
      .resource('cells', controllers.Cells)
      .only(['index', 'edit', 'update'])
      .use(['index'], middleware.pageCache())
    router
      .resource('free-cells', controllers.FreeCells)
      .only(['index'])
      .use(['index'], middleware.pageCache())
    router
      .get('/timeline', [controllers.Timelines, 'show'])
      .as('timeline.show')
      .use(middleware.pageCache())

    /** The incubator's settings. */
    router.get('/settings/edit', [controllers.Settings, 'edit']).as('settings.edit')
    router.put('/settings', [controllers.Settings, 'update']).as('settings.update')

    /** The operator: who issues the invoices, its bank details and terms. */
    router.get('/operator/edit', [controllers.Operators, 'edit']).as('operator.edit')
    router.put('/operator', [controllers.Operators, 'update']).as('operator.update')

    /** The services catalogue and the archive of services no longer offered. */
    router
      .resource('services', controllers.Services)
      .only(['index', 'create', 'store', 'edit', 'update'])
      .use(['index'], middleware.pageCache())
    router
      .post('/services/:id/archive', [controllers.services.Archives, 'store'])
      .as('services.archive.store')
    router
      .delete('/services/:id/archive', [controllers.services.Archives, 'destroy'])
      .as('services.archive.destroy')

    /** Meeting rooms, their rules and photo. */
    router
      .resource('meeting-rooms', controllers.MeetingRooms)
      .only(['index', 'show', 'edit', 'update'])
      .use(['index', 'show'], middleware.pageCache())
    router
      .get('/meeting-rooms/:id/photo', [controllers.MeetingRooms, 'photo'])
      .as('meeting_rooms.photo')

    /** Bookings and their cancellation. */
    router
      .resource('bookings', controllers.Bookings)
      .only(['index', 'create', 'store', 'edit', 'update'])
      .use(['index'], middleware.pageCache())
    router
      .resource('bookings.cancellation', controllers.bookings.Cancellations)
      .only(['create', 'store'])
      .params({ bookings: 'id' })

    /** Closures of rooms and buildings, their lifting and the bookings they cancel. */
    router
      .resource('closures', controllers.Closures)
      .only(['index', 'create', 'store', 'show'])
      .use(['index', 'show'], middleware.pageCache())
    router
      .resource('closures.lifting', controllers.closures.Liftings)
      .only(['create', 'store'])
      .params({ closures: 'id' })
    router
      .post('/closures/:id/booking-cancellations', [
        controllers.closures.BookingCancellations,
        'store',
      ])
      .as('closures.booking_cancellations.store')

    /** The meeting rooms' use per company. */
    router
      .get('/room-use', [controllers.RoomUses, 'show'])
      .as('room_use.show')
      .use(middleware.pageCache())
    router
      .get('/room-use.csv', [controllers.RoomUses, 'export'])
      .as('room_use.export')
      .use(middleware.pageCache())
  })
  .where('id', router.matchers.number())
  .use(middleware.auth())

/** The benchmark's routes, only when it starts the server (tests/bench/routes.ts). */
if (env.get('BENCH', false)) await import('#tests/bench/routes')

/** Any other address: the 404 page inside the frame, for a signed-in person with the navigation. */
router.get('/*', [controllers.MissingPages, 'show']).as('missing_pages.show')
