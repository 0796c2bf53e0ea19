import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Role } from '#models/user'
import Cell from '#models/cell'
import Agreement from '#models/agreement'
import HeadcountDeclaration from '#models/headcount_declaration'
import Goal from '#models/goal'
import Closure from '#models/closure'
import { DateTime } from 'luxon'
import { bookDirectly, createRoom, nextMonday } from '#tests/support/bookings'
import db from '@adonisjs/lucid/services/db'
import { day } from '#domain/periods'
import { createBuilding, createUser } from '#tests/support/fixtures'

type Actor = 'anonymous' | Role

/**
 * What each actor gets from a route:
 * - ok: allowed (200 for a page; a redirect that is not to the login page for a form post)
 * - login: redirected to the login page
 * - forbidden: the 403 page
 * - home: redirected to the home page (guest-only pages, for logged-in users)
 * - notFound: 404 (calendar feeds without their owner's secret token; a room's photo when it has none)
 */
type Outcome = 'ok' | 'login' | 'forbidden' | 'home' | 'notFound'

const everyone = { anonymous: 'ok', manager: 'ok', tenant: 'ok', official: 'ok' } as const
const guestsOnly = { anonymous: 'ok', manager: 'home', tenant: 'home', official: 'home' } as const
const loggedIn = { anonymous: 'login', manager: 'ok', tenant: 'ok', official: 'ok' } as const
const managersAndOfficials = {
  anonymous: 'login',
  manager: 'ok',
  tenant: 'forbidden',
  official: 'ok',
} as const
/** Pages every company may use (tenants with a company of their own); officials do not book. */
const managersAndTenants = {
  anonymous: 'login',
  manager: 'ok',
  tenant: 'ok',
  official: 'forbidden',
} as const
const managers = {
  anonymous: 'login',
  manager: 'ok',
  tenant: 'forbidden',
  official: 'forbidden',
} as const

/**
 * The decision for every route. A route missing here fails the suite:
 * whoever adds a route says who may reach it. Company pages are open to
 * tenants for their own company only (tested in companies.spec.ts).
 */
const ACCESS: Record<string, Record<Actor, Outcome>> = {
  'health': everyone,
  'calendar_feeds.show': {
    anonymous: 'notFound',
    manager: 'notFound',
    tenant: 'notFound',
    official: 'notFound',
  },
  'calendar_feeds.room': {
    anonymous: 'notFound',
    manager: 'notFound',
    tenant: 'notFound',
    official: 'notFound',
  },
  'account.calendar.edit': managersAndTenants,
  'account.calendar.update': managersAndTenants,
  'locale.update': everyone,
  'session.create': guestsOnly,
  'session.store': guestsOnly,
  'home': loggedIn,
  'session.destroy': loggedIn,
  'password.edit': loggedIn,
  'password.update': loggedIn,
  'account.sessions.index': loggedIn,
  'account.sessions.others.destroy': loggedIn,
  'companies.show': managers,
  'companies.contact.edit': managers,
  'companies.contact.update': managers,
  'companies.index': managers,
  'companies.create': managers,
  'companies.store': managers,
  'companies.edit': managers,
  'companies.update': managers,
  'companies.exit.create': managers,
  'companies.archive.store': managers,
  'companies.archive.destroy': managers,
  'companies.exit.store': managers,
  'agreements.show': managers,
  'companies.declarations.index': managers,
  'companies.declarations.create': managers,
  'companies.declarations.store': managers,
  'declarations.edit': managers,
  'declarations.update': managers,
  'declarations.validation.store': managers,
  'declarations.index': managers,
  'agreements.create': managers,
  'agreements.store': managers,
  'agreements.activation.store': managers,
  'agreements.termination.create': managers,
  'agreements.termination.store': managers,
  'agreements.move.create': managers,
  'agreements.move.store': managers,
  'agreements.renewal.create': managers,
  'agreements.renewal.store': managers,
  'rent_roll.show': managers,
  'rent_roll.export': managers,
  'settings.edit': managers,
  'settings.update': managers,
  'free_cells.index': managers,
  'timeline.show': managers,
  'cells.index': managers,
  'cells.edit': managers,
  'cells.update': managers,
  'users.index': managers,
  'users.create': managers,
  'users.store': managers,
  'users.edit': managers,
  'users.update': managers,
  'users.disablement.store': managers,
  'users.disablement.destroy': managers,
  'dashboard.show': managersAndOfficials,
  'dashboard.print': managersAndOfficials,
  'dashboard.series': managersAndOfficials,
  'dashboard.companies': managersAndOfficials,
  'dashboard.workbook': managersAndOfficials,
  'meeting_rooms.index': managersAndTenants,
  'meeting_rooms.show': managersAndTenants,
  'meeting_rooms.photo': {
    anonymous: 'login',
    manager: 'notFound',
    tenant: 'notFound',
    official: 'forbidden',
  },
  'meeting_rooms.edit': managers,
  'meeting_rooms.update': managers,
  'bookings.index': managersAndTenants,
  'bookings.create': managersAndTenants,
  'bookings.store': managersAndTenants,
  'bookings.edit': managers,
  'bookings.update': managers,
  'bookings.cancellation.store': managers,
  'closures.index': managers,
  'room_use.show': managers,
  'room_use.export': managers,
  'closures.create': managers,
  'closures.store': managers,
  'closures.show': managers,
  'closures.lifting.store': managers,
  'closures.cancellations.store': managers,
  'goals.index': managers,
  'goals.create': managers,
  'goals.store': managers,
  'goals.edit': managers,
  'goals.update': managers,
  'goals.current.store': managers,
}

const ACTORS: Actor[] = ['anonymous', 'manager', 'tenant', 'official']

/** Every registered route, as the router knows it. */
function registeredRoutes() {
  return Object.values(router.toJSON()).flatMap((routes) =>
    routes.map((route) => ({
      name: route.name ?? `${route.methods.join('|')} ${route.pattern}`,
      method: route.methods.find((method) => method !== 'HEAD')!,
      pattern: route.pattern,
    }))
  )
}

test.group('Route access: every route has a decision for every role', () => {
  test('every registered route is in the access table', ({ assert }) => {
    const names = registeredRoutes().map((route) => route.name)
    const undecided = names.filter((name) => !(name in ACCESS))
    assert.deepEqual(undecided, [], `routes without an access decision: ${undecided.join(', ')}`)
    const stale = Object.keys(ACCESS).filter((name) => !names.includes(name))
    assert.deepEqual(stale, [], `access decisions for routes that no longer exist: ${stale}`)
  })
})

test.group('Route access: outcomes', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

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
      const building = await createBuilding()
      // The record in the URL never belongs to the actor: a tenant reaches only its own company.
      const target = await createUser('tenant')
      const cell = await Cell.create({
        code: 'T-1',
        floor: 0,
        areaSqm: 20,
        desks: 2,
        buildingId: building.id,
      })
      const agreement = await db.transaction((trx) =>
        Agreement.open(
          {
            companyId: target.companyId!,
            cellIds: [cell.id],
            startsOn: day('2026-01-01'),
            endsOn: day('2026-12-31'),
            noticeMonths: 3,
            rentSteps: [1000],
            monthlyChargesCents: 0,
            depositCents: 0,
          },
          trx
        )
      )
      const declaration = await HeadcountDeclaration.create({
        companyId: target.companyId!,
        kind: 'entry',
        periodOn: day('2026-01-01'),
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
      const room = await createRoom()
      const booking = await bookDirectly(room, target.companyId!, nextMonday(), '10:00', '11:00')
      const closure = await Closure.create({
        buildingId: room.buildingId,
        meetingRoomId: room.id,
        startsAt: DateTime.utc().plus({ days: 30 }).startOf('hour'),
        endsAt: DateTime.utc().plus({ days: 31 }).startOf('hour'),
        reason: 'Travaux',
      })
      const ids: Record<string, number> = {
        'closures': closure.id,
        'goals': goal.id,
        'meeting-rooms': room.id,
        'bookings': booking.id,
        'companies': target.companyId!,
        'cells': cell.id,
        'users': target.id,
        'agreements': agreement.id,
        'declarations': declaration.id,
      }
      const id = ids[row.pattern.split('/')[1]] ?? target.id
      const url = row.pattern.replace(/:id\b/, String(id))

      let request = client.request(url, row.method as any).redirects(0)
      if (row.actor !== 'anonymous') {
        request = request.loginAs(await createUser(row.actor))
      }
      if (row.method !== 'GET') {
        request = request.withCsrfToken()
      }
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
          } else {
            assert.isBelow(response.status(), 400)
            if (row.route === 'session.destroy') {
              response.assertFlashMessage('success', 'Vous êtes déconnecté.')
            } else {
              assert.notEqual(response.header('location'), '/login')
            }
          }
          break
      }
    })
})
