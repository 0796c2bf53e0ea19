import { test } from '@japa/runner'
import {
  billingSettingsForm,
  createService,
  mandateForm,
  operatorForm,
  serviceForm,
  signMandate,
} from '#tests/support/billing'
import type { ApiResponse } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import { readFile } from 'node:fs/promises'
import type User from '#models/user'
import Cell from '#models/cell'
import Agreement from '#models/agreement'
import Company, { EXIT_REASONS, LEGAL_FORMS, SECTORS } from '#models/company'
import Declaration from '#models/declaration'
import Goal from '#models/goal'
import Closure from '#models/closure'
import Invitation from '#models/invitation'
import { draftAndIssuedInvoices } from '#tests/support/invoices'
import { DateTime } from 'luxon'
import { bookDirectly, createRoom, nextMonday } from '#tests/support/bookings'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { day, today } from '#domain/periods'
import { GOAL_MEASURES } from '#domain/goals'
import { createBuilding, createUser, PASSWORD } from '#tests/support/fixtures'
import { codeFor, enableTwoFactor } from '#tests/support/two_factor'
import {
  ACCESS,
  ACTORS,
  NOTES,
  accessTable,
  registeredRoutes,
  tableRows,
  withAccessTable,
} from '#tests/support/route_access'

/**
 * Every route as every actor (anonymous, manager, tenant, official), against the one list of
 * who may do what (tests/support/route_access.ts), which docs/roles-and-routes.md shows.
 */

/** The records the routes work on; none of them belongs to the actor. */
async function buildFixtures() {
  const year = today().year
  const building = await createBuilding()
  // The record in the URL never belongs to the actor: a tenant reaches only its own company.
  const target = await createUser('tenant')
  const company = await Company.findOrFail(target.companyId)
  let cells = 0
  const newCell = () => {
    cells += 1
    return Cell.create({
      code: `T-${cells}`,
      floor: 0,
      areaSqm: 20,
      desks: 2,
      buildingId: building.id,
    })
  }
  const cell = await newCell()
  const agreement = await db.transaction((trx) =>
    Agreement.open(
      {
        companyId: company.id,
        cellIds: [cell.id],
        startsOn: day(`${year - 1}-01-01`),
        endsOn: day(`${year + 1}-06-30`),
        noticeMonths: 3,
        rentSteps: [1000],
        monthlyChargesCents: 0,
        depositCents: 0,
      },
      trx
    )
  )
  const {
    draftInvoice: invoice,
    draftInvoiceLine: invoiceLine,
    issuedInvoice,
    issuedInvoiceLine: issuedLine,
  } = await draftAndIssuedInvoices(company, year)
  const declaration = await Declaration.create({
    companyId: company.id,
    kind: 'entry',
    periodOn: day(`${year - 1}-01-01`),
    executives: 1,
    permanent: 0,
    fixedTerm: 0,
    apprentices: 0,
    interns: 0,
    status: 'submitted',
  })
  const goal = await Goal.create({
    name: 'Objectif',
    startsOn: day('2026-01-01'),
    endsOn: day('2028-12-31'),
    targetJobs: 10,
    measure: 'jobs_hosted',
  })
  const invitation = await Invitation.create({
    email: 'invitee@example.test',
    role: 'official',
    invitedById: null,
  })
  const room = await createRoom()
  const booking = await bookDirectly(room, company.id, nextMonday(), '10:00', '11:00')
  const closure = await Closure.create({
    buildingId: room.buildingId,
    meetingRoomId: room.id,
    startsAt: DateTime.utc().plus({ days: 30 }).startOf('hour'),
    endsAt: DateTime.utc().plus({ days: 31 }).startOf('hour'),
    reason: 'Travaux',
  })
  const service = await createService()
  const mandate = await signMandate(company.id)
  /** The company hosted since 1 January of last year, as its agreement says. */
  const host = async () => {
    company.status = 'hosted'
    company.enteredOn = day(`${year - 1}-01-01`)
    await company.save()
  }
  /** The agreement signed: the company hosted, the agreement active. */
  const activate = async () => {
    await host()
    agreement.status = 'active'
    await agreement.save()
  }
  return {
    year,
    target,
    company,
    cell,
    newCell,
    agreement,
    invoice,
    invoiceLine,
    issuedInvoice,
    issuedLine,
    declaration,
    goal,
    invitation,
    room,
    booking,
    closure,
    service,
    mandate,
    host,
    activate,
    in: (months: number) => today().plus({ months }).toISODate()!,
  }
}

type Fixtures = Awaited<ReturnType<typeof buildFixtures>>

/** The id the URL's ":id" takes, by the URL's first segment. */
function idFor(pattern: string, fx: Fixtures) {
  // A credit note is made from an issued invoice; the other invoice routes work on a draft.
  if (pattern.startsWith('/invoices/:id/credit-notes')) return fx.issuedInvoice.id
  if (pattern.startsWith('/invoices/:id/document')) return fx.issuedInvoice.id
  const ids: Record<string, number> = {
    'invoices': fx.invoice.id,
    'invoice-lines': fx.invoiceLine.id,
    'closures': fx.closure.id,
    'goals': fx.goal.id,
    'meeting-rooms': fx.room.id,
    'bookings': fx.booking.id,
    'companies': fx.company.id,
    'cells': fx.cell.id,
    'users': fx.target.id,
    'invitations': fx.invitation.id,
    'agreements': fx.agreement.id,
    'declarations': fx.declaration.id,
    'services': fx.service.id,
    'mandates': fx.mandate.id,
  }
  return ids[pattern.split('/')[1]] ?? fx.target.id
}

/**
 * An allowed form post, put, or delete: the body it sends, what to set up first, and the
 * page it leads to once its work is done (with a success message, unless `done` says how
 * else to tell).
 */
type Write = {
  body?: (
    fx: Fixtures,
    actor: User | null
  ) => Promise<Record<string, unknown>> | Record<string, unknown>
  setUp?: (fx: Fixtures, actor: User | null) => Promise<unknown>
  then: (fx: Fixtures) => string | RegExp
  done?: (response: ApiResponse, fx: Fixtures) => void
}

const headcountBody = {
  executives: '2',
  permanent: '3',
  fixedTerm: '1',
  apprentices: '1',
  interns: '1',
  fte: '2,5',
  stillTrading: 'true',
  comment: 'Deux embauches ce trimestre',
}

const companyBody = {
  name: 'Atelier du Hainaut',
  siret: '732 829 320 00074',
  legalForm: LEGAL_FORMS[0],
  nafCode: '62.01Z',
  sector: SECTORS[0],
  digital: 'true',
  foundedOn: '2020-05-04',
  contactName: 'Camille Martin',
  email: 'contact@atelier.example',
  phone: '03 27 00 00 00',
  website: 'https://atelier.example',
  notes: 'Rencontrée au salon',
  bookingQuotaHours: '10',
}

const goalBody = {
  name: 'Objectif 2030',
  startsOn: '2027-01-01',
  endsOn: '2029-12-31',
  targetJobs: '80',
  measure: GOAL_MEASURES[0],
  makeCurrent: 'true',
}

const roomRules = {
  capacity: '10',
  equipment: 'Écran, visio',
  description: 'Au rez-de-chaussée',
  slotMinutes: '15',
  minMinutes: '30',
  maxMinutes: '180',
  advanceDays: '30',
  cancellationCutoffMinutes: '60',
  tenantsMayBook: 'true',
  ...Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
      [`opens${weekday}`, weekday <= 5 ? '08:00' : '09:00'],
      [`closes${weekday}`, weekday <= 5 ? '19:00' : '12:00'],
    ])
  ),
}

const billingDetailsBody = {
  billingAddress: '12 rue des Forges\nBâtiment B',
  billingPostcode: '59300',
  billingCity: 'Valenciennes',
  billingCountryCode: 'FR',
  billingEmail: 'compta@hebergee.example',
}

const invoiceLineBody = {
  kind: 'service',
  description: 'Domiciliation',
  quantity: '1',
  unit: 'C62',
  unitPrice: '30',
  vatRateBp: '2000',
}

/** Every route that changes something, as the actors allowed to use it send it. */
const WRITES: Record<string, Write> = {
  'locale.update': {
    body: () => ({ locale: 'en' }),
    then: () => '/',
    done: (response) => response.assertSession('locale', 'en'),
  },
  'session.store': {
    body: (fx) => ({ email: fx.target.email, password: PASSWORD }),
    then: () => '/',
    done: (response) => response.assertSessionMissing('errors'),
  },
  'session.destroy': { then: () => '/login' },
  'password_resets.store': { body: (fx) => ({ email: fx.target.email }), then: () => '/login' },
  'invitations.store': {
    body: (fx) => ({
      email: 'new-invitee@example.test',
      fullName: 'Dominique Lefebvre',
      role: 'tenant',
      companyId: String(fx.company.id),
    }),
    then: () => /^\/invitations(\/create)?$/,
  },
  'password.update': {
    body: () => ({
      currentPassword: PASSWORD,
      password: 'une-nouvelle-phrase-secrete',
      passwordConfirmation: 'une-nouvelle-phrase-secrete',
    }),
    then: () => '/',
  },
  'account.email.update': {
    body: () => ({ email: 'une-nouvelle-adresse@example.test', currentPassword: PASSWORD }),
    then: () => '/account/email/edit',
  },
  'account.sessions.others.destroy': { then: () => '/account/sessions' },
  'account.calendar.update': { then: () => '/account/calendar/edit' },
  'account.two_factor.store': {
    body: async (_fx, actor) => ({ code: await codeFor((await actor!.pendingTwoFactorSecret())!) }),
    then: () => '/account/two-factor',
  },
  'account.two_factor.destroy': {
    setUp: (_fx, actor) => enableTwoFactor(actor!),
    body: () => ({ password: PASSWORD }),
    then: () => '/account/two-factor',
  },
  'account.two_factor.recovery_codes.store': {
    setUp: (_fx, actor) => enableTwoFactor(actor!),
    body: () => ({ confirmation: PASSWORD }),
    then: () => '/account/two-factor',
  },
  'companies.contact.update': {
    body: () => ({
      contactName: 'Camille Martin',
      email: 'contact@hebergee.example',
      phone: '+33 3 27 00 00 00',
      website: 'https://hebergee.example',
    }),
    then: (fx) => `/companies/${fx.company.id}`,
  },
  'companies.store': { body: () => companyBody, then: () => /^\/companies\/\d+$/ },
  'companies.update': { body: () => companyBody, then: (fx) => `/companies/${fx.company.id}` },
  'companies.archive.store': { then: (fx) => `/companies/${fx.company.id}` },
  'companies.archive.destroy': {
    setUp: async (fx) => {
      fx.company.archivedAt = DateTime.utc()
      await fx.company.save()
    },
    then: (fx) => `/companies/${fx.company.id}`,
  },
  'companies.exit.store': {
    setUp: (fx) => fx.activate(),
    body: (fx) => ({ exitOn: fx.in(1), exitReason: EXIT_REASONS[0] }),
    then: (fx) => `/companies/${fx.company.id}`,
  },
  'companies.declarations.store': {
    setUp: (fx) => fx.activate(),
    body: (fx) => ({ kind: 'quarter', periodOn: `${fx.year - 1}-03-31`, ...headcountBody }),
    then: (fx) => `/companies/${fx.company.id}/declarations`,
  },
  'declarations.update': {
    body: () => ({ ...headcountBody, reason: 'Apprenti oublié' }),
    then: (fx) => `/companies/${fx.company.id}/declarations`,
  },
  'declarations.validation.store': { then: (fx) => `/companies/${fx.company.id}/declarations` },
  'agreements.store': {
    body: async (fx) => {
      const cell = await fx.newCell()
      return {
        companyId: String(fx.company.id),
        cellIds: [String(cell.id)],
        startsOn: `${fx.year + 2}-01-01`,
        endsOn: `${fx.year + 2}-12-31`,
        noticeMonths: '3',
        rentSteps: ['10', '11,50', '13'],
        monthlyCharges: '45,50',
        deposit: '1 200',
      }
    },
    then: () => /^\/agreements\/\d+$/,
  },
  'agreements.update': {
    body: async (fx) => {
      const cell = await fx.newCell()
      return {
        companyId: String(fx.company.id),
        cellIds: [String(fx.cell.id), String(cell.id)],
        startsOn: `${fx.year - 1}-01-01`,
        endsOn: `${fx.year + 1}-06-30`,
        noticeMonths: '2',
        rentSteps: ['10', '11', '12'],
        monthlyCharges: '30',
        deposit: '900',
      }
    },
    then: (fx) => `/agreements/${fx.agreement.id}`,
  },
  'agreements.activation.store': { then: (fx) => `/agreements/${fx.agreement.id}` },
  'agreements.discard.store': { then: (fx) => `/agreements/${fx.agreement.id}` },
  'agreements.termination.store': {
    setUp: (fx) => fx.activate(),
    body: (fx) => ({
      noticeGivenOn: fx.in(0),
      terminatedOn: fx.in(1),
      reason: 'Locaux trouvés en ville',
      overrideNotice: 'true',
      overrideReason: 'Accord des deux parties',
    }),
    then: (fx) => `/agreements/${fx.agreement.id}`,
  },
  'agreements.move.store': {
    setUp: (fx) => fx.activate(),
    body: async (fx) => {
      const cell = await fx.newCell()
      return { movesOn: fx.in(1), cellIds: [String(cell.id)] }
    },
    then: () => /^\/agreements\/\d+$/,
  },
  'agreements.renewal.store': {
    setUp: (fx) => fx.activate(),
    body: (fx) => ({ endsOn: `${fx.year + 1}-12-31` }),
    then: (fx) => `/agreements/${fx.agreement.id}`,
  },
  'settings.update': {
    body: () => ({ ...billingSettingsForm, maxStayMonths: '48', bookingQuotaHours: '10,5' }),
    then: () => '/settings/edit',
  },
  'operator.update': {
    body: () => operatorForm,
    then: () => '/operator/edit',
  },
  'companies.mandates.store': {
    body: () => mandateForm,
    then: (fx) => `/companies/${fx.company.id}`,
  },
  'mandates.revocation.store': {
    body: () => ({ reason: 'Changement de banque' }),
    then: (fx) => `/companies/${fx.company.id}`,
  },
  'services.store': { body: () => serviceForm, then: () => '/services' },
  'services.update': { body: () => serviceForm, then: () => '/services' },
  'services.archive.store': { then: () => '/services' },
  'services.archive.destroy': { setUp: (fx) => fx.service.archive(), then: () => '/services' },
  'cells.update': {
    body: () => ({ code: 'B-204', floor: '1', areaSqm: '18,5', desks: '3' }),
    then: () => '/cells',
  },
  'users.store': {
    body: (fx) => ({
      fullName: 'Dominique Lefebvre',
      role: 'tenant',
      companyId: String(fx.company.id),
      email: 'dominique@example.test',
      password: 'une-phrase-secrete-longue',
    }),
    then: () => '/users',
  },
  'users.update': {
    body: (fx) => ({
      fullName: 'Dominique Lefebvre',
      role: 'tenant',
      companyId: String(fx.company.id),
      email: 'dominique@example.test',
    }),
    then: () => '/users',
  },
  'users.disablement.store': { then: () => '/users' },
  'users.two_factor.destroy': {
    setUp: (fx) => enableTwoFactor(fx.target),
    then: (fx) => `/users/${fx.target.id}/edit`,
  },
  'invitations.destroy': { then: () => '/invitations' },
  'invitations.renewal.store': { then: () => '/invitations' },
  'users.disablement.destroy': {
    setUp: async (fx) => {
      fx.target.disabledAt = DateTime.utc()
      await fx.target.save()
    },
    then: () => '/users',
  },
  'meeting_rooms.update': {
    body: () => roomRules,
    then: (fx) => `/meeting-rooms/${fx.room.id}`,
  },
  'bookings.store': {
    body: (fx) => ({
      meetingRoomId: String(fx.room.id),
      companyId: String(fx.company.id),
      date: nextMonday(2),
      startTime: '14:00',
      endTime: '15:00',
      title: 'Comité de pilotage',
      attendees: '4',
    }),
    then: (fx) => `/meeting-rooms/${fx.room.id}?week=${nextMonday(2)}`,
  },
  'bookings.update': {
    body: () => ({
      date: nextMonday(),
      startTime: '14:00',
      endTime: '15:30',
      title: 'Point client déplacé',
      attendees: '3',
    }),
    then: () => '/bookings',
  },
  'bookings.cancellation.store': {
    body: () => ({ reason: 'Empêchement', scope: 'one' }),
    then: () => '/bookings',
  },
  'closures.store': {
    body: (fx) => ({
      buildingId: String(fx.room.buildingId),
      meetingRoomId: String(fx.room.id),
      startsOn: nextMonday(4),
      startTime: '08:00',
      endsOn: nextMonday(4),
      endTime: '12:00',
      reason: 'Peinture',
    }),
    then: () => /^\/closures\/\d+$/,
  },
  'closures.lifting.store': { then: () => '/closures' },
  'closures.booking_cancellations.store': { then: (fx) => `/closures/${fx.closure.id}` },
  'goals.store': { body: () => goalBody, then: () => '/goals' },
  'goals.update': { body: () => goalBody, then: () => '/goals' },
  'goals.current.store': { then: () => '/goals' },
  'companies.billing_details.update': {
    body: () => billingDetailsBody,
    then: (fx) => `/companies/${fx.company.id}`,
  },
  'billing_runs.store': {
    body: () => ({ month: '2026-03' }),
    then: () => '/invoices?month=2026-03',
  },
  'billing_runs.issuance.store': {
    body: () => ({ month: '2026-03' }),
    then: () => '/invoices?month=2026-03',
  },
  'invoices.issuance.store': { then: (fx) => `/invoices/${fx.invoice.id}` },
  'invoices.lines.store': {
    body: () => invoiceLineBody,
    then: (fx) => `/invoices/${fx.invoice.id}`,
  },
  'invoice_lines.update': {
    body: () => invoiceLineBody,
    then: (fx) => `/invoices/${fx.invoice.id}`,
  },
  'invoice_lines.destroy': { then: (fx) => `/invoices/${fx.invoice.id}` },
  'invoices.credit_notes.store': {
    body: (fx) => ({ lineIds: [String(fx.issuedLine.id)], reason: 'Remise commerciale' }),
    then: () => /^\/invoices\/\d+$/,
  },
}

test.group('Route access: every route has a decision for every role', () => {
  test('every registered route is in the access table', ({ assert }) => {
    const names = registeredRoutes().map((route) => route.name)
    const undecided = names.filter((name) => !(name in ACCESS))
    assert.deepEqual(undecided, [], `routes without an access decision: ${undecided.join(', ')}`)
    const stale = Object.keys(ACCESS).filter((name) => !names.includes(name))
    assert.deepEqual(stale, [], `access decisions for routes that no longer exist: ${stale}`)
    const noted = Object.keys(NOTES).filter((name) => !names.includes(name))
    assert.deepEqual(noted, [], `notes for routes that no longer exist: ${noted}`)
  })

  test('every route that changes something, allowed to someone, says how its work shows', ({
    assert,
  }) => {
    const writes = registeredRoutes().filter(
      (route) => route.method !== 'GET' && Object.values(ACCESS[route.name] ?? {}).includes('ok')
    )
    const untold = writes.filter((route) => !(route.name in WRITES)).map((route) => route.name)
    assert.deepEqual(untold, [], `allowed writes without their expected work: ${untold}`)
  })

  test('docs/roles-and-routes.md shows the access table', async ({ assert }) => {
    const doc = await readFile(app.makePath('docs/roles-and-routes.md'), 'utf8')
    const expected = withAccessTable(doc, accessTable(registeredRoutes()))
    assert.deepEqual(
      tableRows(doc),
      tableRows(expected),
      'docs/roles-and-routes.md is out of date: run `node ace docs:access`'
    )
  })
})

test.group('Route access: outcomes', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('{route} as {actor}: {outcome}')
    .with(() =>
      registeredRoutes().flatMap((route) =>
        ACTORS.map((actor) => ({
          route: route.name,
          method: route.method,
          pattern: route.pattern,
          actor,
          outcome: ACCESS[route.name]?.[actor] ?? 'undecided',
        }))
      )
    )
    .run(async ({ client, assert }, row) => {
      assert.notEqual(row.outcome, 'undecided', `no decision for ${row.route}`)
      const fx = await buildFixtures()
      const url = row.pattern.replace(/:id\b/, String(idFor(row.pattern, fx)))
      const actor = row.actor === 'anonymous' ? null : await createUser(row.actor)
      const write = row.method !== 'GET' && row.outcome === 'ok' ? WRITES[row.route] : undefined
      await write?.setUp?.(fx, actor)

      let request = client.request(url, row.method as any).redirects(0)
      if (actor) request = request.loginAs(actor)
      if (row.method !== 'GET') request = request.withCsrfToken()
      if (write?.body) request = request.form(await write.body(fx, actor))
      const response = await request

      switch (row.outcome) {
        case 'login':
          response.assertStatus(302)
          response.assertHeader('location', '/login')
          break
        case 'home':
          response.assertStatus(302)
          response.assertHeader('location', '/')
          break
        case 'forbidden':
          response.assertStatus(403)
          response.assertTextIncludes('Accès refusé')
          break
        case 'notFound':
          response.assertStatus(404)
          break
        case 'ok':
          if (row.method === 'GET') {
            response.assertStatus(200)
            break
          }
          // A post allowed does its work: no message of refusal, the success message (or
          // what the route says instead), and the page it leads to.
          assert.exists(write, `no expected work for ${row.route}`)
          response.assertStatus(302)
          assert.notProperty(response.flashMessages(), 'error', 'refused with a message')
          assert.notProperty(response.flashMessages(), 'inputErrorsBag', 'refused by validation')
          if (write!.done) write!.done(response, fx)
          else assert.property(response.flashMessages(), 'success', 'no success message')
          const expected = write!.then(fx)
          const location = response.header('location') ?? ''
          if (typeof expected === 'string') assert.equal(location, expected)
          else assert.match(location, expected)
          break
      }
    })
})

test.group('Route access: a refusal does not depend on the record', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('{route} as {actor}, a record that does not exist: {outcome}')
    .with(() =>
      registeredRoutes()
        .filter((route) => /:id\b/.test(route.pattern) && !route.pattern.includes(':token'))
        .flatMap((route) =>
          ACTORS.map((actor) => ({
            route: route.name,
            method: route.method,
            pattern: route.pattern,
            actor,
            outcome: ACCESS[route.name]?.[actor],
          }))
        )
        // Where the answer depends on the record (NOTES: a tenant's own company), a missing
        // one answers 404 as it does for the record's owner.
        .filter(
          (row) =>
            (row.outcome === 'login' || row.outcome === 'forbidden') &&
            !NOTES[row.route]?.[row.actor]
        )
    )
    .run(async ({ client }, row) => {
      // Who may never use the route is refused before the record is looked up: the answer
      // tells nothing of which records exist.
      const url = row.pattern.replace(/:id\b/, '999999')
      let request = client.request(url, row.method as any).redirects(0)
      if (row.actor !== 'anonymous') request = request.loginAs(await createUser(row.actor))
      if (row.method !== 'GET') request = request.withCsrfToken()
      const response = await request
      if (row.outcome === 'login') {
        response.assertStatus(302)
        response.assertHeader('location', '/login')
      } else {
        response.assertStatus(403)
        response.assertTextIncludes('Accès refusé')
      }
    })
})
