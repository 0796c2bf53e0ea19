import router from '@adonisjs/core/services/router'
import type { Role } from '#models/user'

/**
 * Who may do what, route by route: the one list. The access test
 * (tests/functional/routes_access.spec.ts) requests every route as every actor and expects
 * these outcomes; docs/roles-and-routes.md shows them as a table written from this list by
 * `node ace docs:access` (the test fails when the doc is out of date). The decisions
 * themselves are made by the policies (app/policies), which every controller action asks.
 */

export type Actor = 'anonymous' | Role

export const ACTORS: Actor[] = ['anonymous', 'manager', 'tenant', 'official']

/**
 * What each actor gets from a route:
 * - ok: allowed (200 for a page; for a form post, its work done: a success message and
 *   the redirect to the expected page)
 * - login: redirected to the login page
 * - forbidden: the 403 page
 * - home: redirected to the home page (guest-only pages, for logged-in users)
 * - notFound: 404 (calendar feeds without their owner's secret token; a room's photo when it has none)
 */
export type Outcome = 'ok' | 'login' | 'forbidden' | 'home' | 'notFound'

const everyone = { anonymous: 'ok', manager: 'ok', tenant: 'ok', official: 'ok' } as const
const guestsOnly = { anonymous: 'ok', manager: 'home', tenant: 'home', official: 'home' } as const
/** The second step of a sign-in: only after the right password (else back to the login). */
const secondStep = {
  anonymous: 'login',
  manager: 'home',
  tenant: 'home',
  official: 'home',
} as const
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
/** Guests with a valid single-use link (a link never issued: 404); logged in: home. */
const linkOnly = {
  anonymous: 'notFound',
  manager: 'home',
  tenant: 'home',
  official: 'home',
} as const
const managers = {
  anonymous: 'login',
  manager: 'ok',
  tenant: 'forbidden',
  official: 'forbidden',
} as const

/**
 * The decision for every route. A route missing here fails the suite:
 * whoever adds a route says who may reach it. The record in the URL never belongs to the
 * actor, so a tenant's own company pages read "forbidden" here (NOTES says what the doc
 * tells instead; companies.spec.ts and the others test the tenant's own records).
 */
export const ACCESS: Record<string, Record<Actor, Outcome>> = {
  'health': everyone,
  'missing_pages.show': {
    anonymous: 'notFound',
    manager: 'notFound',
    tenant: 'notFound',
    official: 'notFound',
  },
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
  'session.two_factor_challenge.create': secondStep,
  'session.two_factor_challenge.store': secondStep,
  'password_resets.create': guestsOnly,
  'password_resets.store': guestsOnly,
  'password_resets.edit': linkOnly,
  'password_resets.update': linkOnly,
  'email_changes.confirmation.create': {
    anonymous: 'notFound',
    manager: 'notFound',
    tenant: 'notFound',
    official: 'notFound',
  },
  'email_changes.confirmation.store': {
    anonymous: 'notFound',
    manager: 'notFound',
    tenant: 'notFound',
    official: 'notFound',
  },
  'invitations.acceptance.create': linkOnly,
  'invitations.acceptance.store': linkOnly,
  'invitations.index': managers,
  'invitations.create': managersAndTenants,
  'invitations.store': managersAndTenants,
  'invitations.destroy': managers,
  'invitations.renewal.store': managers,
  'home': loggedIn,
  'session.destroy': loggedIn,
  'account.email.edit': loggedIn,
  'account.email.update': loggedIn,
  'password.edit': loggedIn,
  'password.update': loggedIn,
  'account.sessions.index': loggedIn,
  'account.sessions.others.destroy': loggedIn,
  'account.two_factor.show': loggedIn,
  'account.two_factor.create': loggedIn,
  'account.two_factor.store': loggedIn,
  'account.two_factor.destroy': loggedIn,
  'account.two_factor.recovery_codes.store': loggedIn,
  'companies.show': managers,
  'companies.contact.edit': managers,
  'companies.contact.update': managers,
  'companies.index': managers,
  'companies.create': managers,
  'companies.store': managers,
  'companies.edit': managers,
  'companies.update': managers,
  'companies.exit.create': managers,
  'companies.mandates.create': managers,
  'companies.mandates.store': managers,
  'mandates.revocation.create': managers,
  'mandates.revocation.store': managers,
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
  'agreements.edit': managers,
  'agreements.update': managers,
  'agreements.activation.create': managers,
  'agreements.activation.store': managers,
  'agreements.discard.create': managers,
  'agreements.discard.store': managers,
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
  'operator.edit': managers,
  'operator.update': managers,
  'services.index': managers,
  'services.create': managers,
  'services.store': managers,
  'services.edit': managers,
  'services.update': managers,
  'services.archive.store': managers,
  'services.archive.destroy': managers,
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
  'users.two_factor.destroy': managers,
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
  'bookings.cancellation.create': managers,
  'bookings.cancellation.store': managers,
  'closures.index': managers,
  'room_use.show': managers,
  'room_use.export': managers,
  'closures.create': managers,
  'closures.store': managers,
  'closures.show': managers,
  'closures.lifting.create': managers,
  'closures.lifting.store': managers,
  'closures.booking_cancellations.store': managers,
  'goals.index': managers,
  'goals.create': managers,
  'goals.store': managers,
  'goals.edit': managers,
  'goals.update': managers,
  'goals.current.store': managers,
  'companies.billing_details.edit': managers,
  'companies.billing_details.update': managers,
  'invoices.index': managersAndTenants,
  'invoices.show': managers,
  'invoices.document.show': managers,
  'billing_runs.store': managers,
  'billing_runs.issuance.create': managers,
  'billing_runs.issuance.store': managers,
  'invoices.issuance.create': managers,
  'invoices.issuance.store': managers,
  'invoices.lines.create': managers,
  'invoices.lines.store': managers,
  'invoice_lines.edit': managers,
  'invoice_lines.update': managers,
  'invoice_lines.destroy': managers,
  'invoices.credit_notes.create': managers,
  'invoices.credit_notes.store': managers,
}

const ownCompany = 'own company only (else 403)'
const ownCompanys = "own company's only (else 403)"
const withToken = "with its owner's secret token only (else 404)"

/**
 * What the doc says instead of the outcome, where the answer depends on the record or
 * the person (each tested in the spec of its resource).
 */
export const NOTES: Record<string, Partial<Record<Actor, string>>> = {
  'health': { anonymous: '✓ (its checks with `HEALTH_TOKEN`)', manager: '✓ (with its checks)' },
  'calendar_feeds.show': {
    anonymous: withToken,
    manager: withToken,
    tenant: withToken + ", own company's bookings",
    official: '404 (officials have no feed)',
  },
  'calendar_feeds.room': {
    anonymous: "with a manager's secret token only (else 404)",
    manager: "with a manager's secret token only (else 404)",
    tenant: '404 (no room feed)',
    official: '404 (officials have no feed)',
  },
  'companies.show': { tenant: ownCompany },
  'companies.contact.edit': { tenant: ownCompany },
  'companies.contact.update': { tenant: ownCompany },
  'companies.billing_details.edit': { tenant: ownCompany },
  'companies.billing_details.update': { tenant: ownCompany },
  'invoices.index': { manager: "✓ (the month's billing run)", tenant: "✓ (own company's issued)" },
  'invoices.show': { tenant: "own company's once issued (else 403)" },
  'invoices.document.show': { tenant: "own company's once issued (else 403)" },
  'companies.declarations.index': { tenant: ownCompany },
  'companies.declarations.create': { tenant: ownCompany },
  'companies.declarations.store': { tenant: ownCompany },
  'declarations.edit': { tenant: "own company's (else 403), until validated" },
  'declarations.update': { tenant: "own company's (else 403), until validated" },
  'agreements.show': { tenant: ownCompanys },
  'password_resets.edit': { anonymous: 'with a valid link only (else 404, or 410 once used)' },
  'password_resets.update': { anonymous: 'with a valid link only (else 404, or 410 once used)' },
  'email_changes.confirmation.create': {
    anonymous: 'with a valid link only (else 404, or 410 once used)',
    manager: 'with a valid link only, signed in or not',
    tenant: 'with a valid link only, signed in or not',
    official: 'with a valid link only, signed in or not',
  },
  'email_changes.confirmation.store': {
    anonymous: 'with a valid link only (else 404, or 410 once used)',
    manager: 'with a valid link only, signed in or not',
    tenant: 'with a valid link only, signed in or not',
    official: 'with a valid link only, signed in or not',
  },
  'invitations.acceptance.create': {
    anonymous: 'with a valid link only (else 404, or 410 once used)',
  },
  'invitations.acceptance.store': {
    anonymous: 'with a valid link only (else 404, or 410 once used)',
  },
  'invitations.create': { tenant: '✓ (own company, unless the setting is off)' },
  'invitations.store': { tenant: '✓ (own company, unless the setting is off)' },
  'users.disablement.store': { manager: '✓ (not self)' },
  'users.disablement.destroy': { manager: '✓ (not self)' },
  'users.two_factor.destroy': { manager: '✓ (not self)' },
  'session.two_factor_challenge.create': {
    anonymous: '✓ (after the right password, 5 minutes; else → login)',
  },
  'session.two_factor_challenge.store': {
    anonymous: '✓ (after the right password, 5 minutes; else → login)',
  },
  'meeting_rooms.index': { tenant: '✓ (with a company)' },
  'meeting_rooms.show': { tenant: '✓ (with a company)' },
  'meeting_rooms.photo': {
    manager: '✓ (404 without a photo)',
    tenant: '✓ (with a company; 404 without a photo)',
  },
  'bookings.index': { manager: '✓ (any company)', tenant: '✓ (own company)' },
  'bookings.create': { manager: '✓ (any company)', tenant: '✓ (own company)' },
  'bookings.store': { manager: '✓ (any company)', tenant: '✓ (own company)' },
  'bookings.edit': { tenant: "own company's (else 403), until the cut-off" },
  'bookings.update': { tenant: "own company's (else 403), until the cut-off" },
  'bookings.cancellation.create': { tenant: "own company's (else 403)" },
  'bookings.cancellation.store': { tenant: "own company's (else 403), until the cut-off" },
  'dashboard.show': { official: '✓ (aggregates, per-company totals)' },
  'dashboard.print': { official: '✓ (aggregates, per-company totals)' },
  'dashboard.series': { official: '✓ (aggregates)' },
  'dashboard.companies': { official: '✓ (per-company totals)' },
  'dashboard.workbook': { official: '✓ (aggregates, per-company totals)' },
}

const SYMBOLS: Record<Outcome, string> = {
  ok: '✓',
  login: '→ login',
  forbidden: '403',
  home: '→ home',
  notFound: '404',
}

const HEADERS: Record<Actor, string> = {
  anonymous: 'Anonymous',
  manager: 'Manager',
  tenant: 'Tenant',
  official: 'Official',
}

/** A route as the router lists it. */
export type RouteRow = { name: string; method: string; pattern: string }

/** Every registered route, in the order it is declared (its method: the first but HEAD). */
export function registeredRoutes(): RouteRow[] {
  return Object.values(router.toJSON()).flatMap((routes) =>
    routes.map((route) => ({
      name: route.name ?? `${route.methods.join('|')} ${route.pattern}`,
      method: route.methods.find((method) => method !== 'HEAD')!,
      pattern: route.pattern,
    }))
  )
}

/**
 * The markdown table of who may do what, in the order the routes are declared: one line per
 * run of routes of the same resource (the first segment of their address) with the same
 * answers.
 */
export function accessTable(routes: RouteRow[]) {
  const lines: { routes: string[]; resource: string; cells: string[] }[] = []
  for (const route of routes) {
    const decision = ACCESS[route.name]
    if (!decision) continue
    const cells = ACTORS.map((actor) => NOTES[route.name]?.[actor] ?? SYMBOLS[decision[actor]])
    const resource = route.pattern.split(/[/.]/)[1]
    const last = lines.at(-1)
    const label = `\`${route.method} ${route.pattern}\``
    if (last && last.resource === resource && last.cells.join('|') === cells.join('|')) {
      last.routes.push(label)
    } else {
      lines.push({ routes: [label], resource, cells })
    }
  }
  return [
    `| Route | ${ACTORS.map((actor) => HEADERS[actor]).join(' | ')} |`,
    `| --- | ${ACTORS.map(() => '---').join(' | ')} |`,
    ...lines.map((line) => `| ${line.routes.join(', ')} | ${line.cells.join(' | ')} |`),
  ].join('\n')
}

/** The markers around the generated table in docs/roles-and-routes.md. */
export const TABLE_START =
  '<!-- access table: written by `node ace docs:access` from tests/support/route_access.ts -->'
export const TABLE_END = '<!-- end of the access table -->'

/** The doc with its table replaced (the markers kept). */
export function withAccessTable(doc: string, table: string) {
  const start = doc.indexOf(TABLE_START)
  const end = doc.indexOf(TABLE_END)
  if (start === -1 || end < start) {
    throw new Error(`the doc has no "${TABLE_START}" … "${TABLE_END}" markers`)
  }
  return `${doc.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${doc.slice(end)}`
}

/** The table between the markers, one array of trimmed cells per row (alignment aside). */
export function tableRows(doc: string) {
  const start = doc.indexOf(TABLE_START)
  const end = doc.indexOf(TABLE_END)
  if (start === -1 || end < start) return []
  return doc
    .slice(start + TABLE_START.length, end)
    .split('\n')
    .filter((line) => line.trim().startsWith('|'))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => (/^\s*:?-+:?\s*$/.test(cell) ? '---' : cell.trim()))
    )
}
