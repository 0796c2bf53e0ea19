/*
|--------------------------------------------------------------------------
| Routes file
|--------------------------------------------------------------------------
|
| Every route belongs to a group that says who may reach it (and ":id" is
| always a number, so "/agreements/create" never reads as a record):
|   - public: anyone (health check, language switch)
|   - guests: visitors not logged in (login page)
|   - everyone logged in (home, own password, logout)
|   - managers only
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

/** Guests: the login page. */
router
  .group(() => {
    router.get('/login', [controllers.Session, 'create']).as('session.create')
    router.post('/login', [controllers.Session, 'store']).as('session.store')
  })
  .use(middleware.guest())

/** Everyone logged in. */
router
  .group(() => {
    router.get('/', [controllers.Home, 'show']).as('home').use(middleware.pageCache())
    router.delete('/logout', [controllers.Session, 'destroy']).as('session.destroy')
    router.get('/account/password/edit', [controllers.Passwords, 'edit']).as('password.edit')
    router.put('/account/password', [controllers.Passwords, 'update']).as('password.update')
    router
      .get('/account/sessions', [controllers.account.Sessions, 'index'])
      .as('account.sessions.index')
    router
      .delete('/account/sessions/others', [controllers.account.Sessions, 'destroyOthers'])
      .as('account.sessions.others.destroy')
  })
  .use(middleware.auth())

/** Managers and tenants: a company's page; policies keep each tenant to its own company. */
router
  .group(() => {
    router
      .get('/companies/:id', [controllers.Companies, 'show'])
      .as('companies.show')
      .use(middleware.pageCache())
    router
      .get('/companies/:id/contact/edit', [controllers.companies.Contacts, 'edit'])
      .as('companies.contact.edit')
    router
      .put('/companies/:id/contact', [controllers.companies.Contacts, 'update'])
      .as('companies.contact.update')
    router
      .get('/agreements/:id', [controllers.Agreements, 'show'])
      .as('agreements.show')
      .use(middleware.pageCache())
    router
      .get('/companies/:id/declarations', [controllers.companies.Declarations, 'index'])
      .as('companies.declarations.index')
      .use(middleware.pageCache())
    router
      .get('/companies/:id/declarations/create', [controllers.companies.Declarations, 'create'])
      .as('companies.declarations.create')
    router
      .post('/companies/:id/declarations', [controllers.companies.Declarations, 'store'])
      .as('companies.declarations.store')
    router
      .get('/meeting-rooms', [controllers.MeetingRooms, 'index'])
      .as('meeting_rooms.index')
      .use(middleware.pageCache())
    router
      .get('/meeting-rooms/:id', [controllers.MeetingRooms, 'show'])
      .as('meeting_rooms.show')
      .use(middleware.pageCache())
    router
      .get('/meeting-rooms/:id/photo', [controllers.MeetingRooms, 'photo'])
      .as('meeting_rooms.photo')
    router
      .resource('bookings', controllers.Bookings)
      .only(['index', 'create', 'store', 'edit', 'update'])
      .use(['index'], middleware.pageCache())
    router
      .post('/bookings/:id/cancellation', [controllers.bookings.Cancellations, 'store'])
      .as('bookings.cancellation.store')
    router
      .get('/account/calendar/edit', [controllers.account.Calendars, 'edit'])
      .as('account.calendar.edit')
    router
      .put('/account/calendar', [controllers.account.Calendars, 'update'])
      .as('account.calendar.update')
    router.get('/declarations/:id/edit', [controllers.Declarations, 'edit']).as('declarations.edit')
    router.put('/declarations/:id', [controllers.Declarations, 'update']).as('declarations.update')
  })
  .where('id', router.matchers.number())
  .use([middleware.auth(), middleware.role({ roles: ['manager', 'tenant'] })])

/** Managers and officials: the dashboard, its print view and exports (aggregates only). */
router
  .group(() => {
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
  })
  .use([middleware.auth(), middleware.role({ roles: ['manager', 'official'] })])

/** Managers only. */
router
  .group(() => {
    router
      .resource('goals', controllers.Goals)
      .only(['index', 'create', 'store', 'edit', 'update'])
      .use(['index'], middleware.pageCache())
    router
      .post('/goals/:id/current', [controllers.goals.Current, 'store'])
      .as('goals.current.store')
    router
      .resource('users', controllers.Users)
      .only(['index', 'create', 'store', 'edit', 'update'])
      .use(['index'], middleware.pageCache())
    router
      .resource('companies', controllers.Companies)
      .only(['index', 'create', 'store', 'edit', 'update'])
      .use(['index'], middleware.pageCache())
    router.resource('agreements', controllers.Agreements).only(['create', 'store'])
    router
      .post('/agreements/:id/activation', [controllers.agreements.Activations, 'store'])
      .as('agreements.activation.store')
    router
      .get('/agreements/:id/termination/create', [controllers.agreements.Terminations, 'create'])
      .as('agreements.termination.create')
    router
      .post('/agreements/:id/termination', [controllers.agreements.Terminations, 'store'])
      .as('agreements.termination.store')
    router
      .get('/agreements/:id/move/create', [controllers.agreements.Moves, 'create'])
      .as('agreements.move.create')
    router
      .post('/agreements/:id/move', [controllers.agreements.Moves, 'store'])
      .as('agreements.move.store')
    router
      .get('/agreements/:id/renewal/create', [controllers.agreements.Renewals, 'create'])
      .as('agreements.renewal.create')
    router
      .post('/agreements/:id/renewal', [controllers.agreements.Renewals, 'store'])
      .as('agreements.renewal.store')
    router
      .get('/rent-roll', [controllers.RentRolls, 'show'])
      .as('rent_roll.show')
      .use(middleware.pageCache())
    router
      .get('/rent-roll.csv', [controllers.RentRolls, 'export'])
      .as('rent_roll.export')
      .use(middleware.pageCache())
    router
      .get('/declarations', [controllers.Declarations, 'index'])
      .as('declarations.index')
      .use(middleware.pageCache())
    router
      .post('/declarations/:id/validation', [controllers.declarations.Validations, 'store'])
      .as('declarations.validation.store')
    router
      .resource('closures', controllers.Closures)
      .only(['index', 'create', 'store', 'show'])
      .use(['index', 'show'], middleware.pageCache())
    router
      .get('/room-use', [controllers.RoomUses, 'show'])
      .as('room_use.show')
      .use(middleware.pageCache())
    router
      .get('/room-use.csv', [controllers.RoomUses, 'export'])
      .as('room_use.export')
      .use(middleware.pageCache())
    router
      .post('/closures/:id/lifting', [controllers.closures.Liftings, 'store'])
      .as('closures.lifting.store')
    router
      .post('/closures/:id/cancellations', [controllers.closures.Cancellations, 'store'])
      .as('closures.cancellations.store')
    router
      .get('/meeting-rooms/:id/edit', [controllers.MeetingRooms, 'edit'])
      .as('meeting_rooms.edit')
    router
      .put('/meeting-rooms/:id', [controllers.MeetingRooms, 'update'])
      .as('meeting_rooms.update')
    router.get('/settings/edit', [controllers.Settings, 'edit']).as('settings.edit')
    router.put('/settings', [controllers.Settings, 'update']).as('settings.update')
    router
      .get('/free-cells', [controllers.FreeCells, 'index'])
      .as('free_cells.index')
      .use(middleware.pageCache())
    router
      .get('/timeline', [controllers.Timelines, 'show'])
      .as('timeline.show')
      .use(middleware.pageCache())
    router
      .resource('cells', controllers.Cells)
      .only(['index', 'edit', 'update'])
      .use(['index'], middleware.pageCache())
    router
      .get('/companies/:id/exit/create', [controllers.companies.Exits, 'create'])
      .as('companies.exit.create')
    router
      .post('/companies/:id/archive', [controllers.companies.Archives, 'store'])
      .as('companies.archive.store')
    router
      .delete('/companies/:id/archive', [controllers.companies.Archives, 'destroy'])
      .as('companies.archive.destroy')
    router
      .post('/companies/:id/exit', [controllers.companies.Exits, 'store'])
      .as('companies.exit.store')
    router
      .post('/users/:id/disablement', [controllers.users.Disablements, 'store'])
      .as('users.disablement.store')
    router
      .delete('/users/:id/disablement', [controllers.users.Disablements, 'destroy'])
      .as('users.disablement.destroy')
  })
  .where('id', router.matchers.number())
  .use([middleware.auth(), middleware.role({ roles: ['manager'] })])

/** The benchmark's routes, only when it starts the server (tests/bench/routes.ts). */
if (env.get('BENCH', false)) await import('#tests/bench/routes')
