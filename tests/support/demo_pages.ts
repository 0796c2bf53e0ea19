import type { Page } from 'playwright'
import { DEMO_PASSWORD } from '#database/seeders/main_seeder'
import Agreement from '#models/agreement'
import Cell from '#models/cell'
import MeetingRoom from '#models/meeting_room'
import Closure from '#models/closure'
import User from '#models/user'
import Service from '#models/service'
import Mandate from '#models/mandate'
import Booking from '#models/booking'
import Invoice from '#models/invoice'
import InvoiceLine from '#models/invoice_line'
import { DateTime } from 'luxon'
import { sqlDateTime } from '#helpers/sql_dates'

/** Logs a demo account in through the login form and waits for its home page. */
export async function logInAs(page: Page, email: string) {
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.waitForURL((url) => url.pathname === '/')
}

/** Every page a manager opens, on the demo data (seeded first). */
export async function managerPages() {
  const agreement = await Agreement.query().where('status', 'active').firstOrFail()
  // The demo's draft in progress (a candidate's), when the story left a cell free for it.
  const draft = await Agreement.query().where('status', 'draft').first()
  const cell = await Cell.firstOrFail()
  const room = await MeetingRoom.firstOrFail()
  const closure = await Closure.query().whereNull('lifted_at').firstOrFail()
  const service = await Service.firstOrFail()
  const mandate = await Mandate.query().whereNull('revoked_at').firstOrFail()
  const booking = await Booking.query()
    .withScopes((scopes) => scopes.confirmed())
    .where('starts_at', '>', sqlDateTime(DateTime.utc()))
    .firstOrFail()
  const draftInvoice = await Invoice.query().where('status', 'draft').firstOrFail()
  const draftInvoiceLine = await InvoiceLine.query()
    .where('invoice_id', draftInvoice.id)
    .firstOrFail()
  const issuedInvoice = await Invoice.query().where('status', 'issued').orderBy('id').firstOrFail()
  return [
    '/',
    '/?on=2017-07-05',
    '/invoices',
    `/invoices?month=${issuedInvoice.periodStartsOn.toFormat('yyyy-MM')}`,
    `/invoices/${draftInvoice.id}`,
    `/invoices/${issuedInvoice.id}`,
    `/invoices/${draftInvoice.id}/issuance/create`,
    `/invoices/${draftInvoice.id}/lines/create`,
    `/invoice-lines/${draftInvoiceLine.id}/edit`,
    `/invoices/${issuedInvoice.id}/credit-notes/create`,
    '/billing-runs/issuance/create',
    `/companies/${agreement.companyId}/billing-details/edit`,
    '/companies',
    '/companies?status=alumni',
    '/companies/create',
    `/companies/${agreement.companyId}`,
    `/companies/${agreement.companyId}/edit`,
    `/agreements/${agreement.id}`,
    `/agreements/${agreement.id}/termination/create`,
    `/agreements/${agreement.id}/renewal/create`,
    `/agreements/${agreement.id}/move/create`,
    ...(draft ? [`/agreements/${draft.id}`, `/agreements/${draft.id}/edit`] : []),
    '/agreements/create',
    '/agreements/create?starts_on=2027-01-01&ends_on=2027-12-31',
    '/cells',
    `/cells/${cell.id}/edit`,
    '/free-cells?startsOn=2030-01-01&endsOn=2030-12-31&adjacent=true',
    '/timeline',
    '/rent-roll',
    '/declarations?on=2027-01-05',
    '/settings/edit',
    '/operator/edit',
    '/services',
    '/services/create',
    `/services/${service.id}/edit`,
    `/companies/${mandate.companyId}/mandates/create`,
    `/mandates/${mandate.id}/revocation/create`,
    '/users',
    '/account/email/edit',
    '/account/password/edit',
    '/account/sessions',
    '/users/create',
    '/dashboard?on=2017-07-05',
    '/dashboard/print',
    '/goals',
    '/goals/create',
    '/meeting-rooms',
    `/meeting-rooms/${room.id}`,
    `/meeting-rooms/${room.id}/edit`,
    '/bookings',
    '/bookings/create',
    '/closures',
    '/closures/create',
    `/closures/${closure.id}`,
    `/closures/${closure.id}/lifting/create`,
    `/bookings/${booking.id}/cancellation/create`,
    '/room-use',
    '/account/calendar/edit',
  ]
}

/** Every page the demo tenant opens (its company, its bookings, its account), on the demo data. */
export async function tenantPages(): Promise<string[]> {
  const tenant = await User.findByOrFail('email', 'locataire@nouvelle-forge.test')
  const companyId = tenant.companyId!
  const agreement = await Agreement.query().where('companyId', companyId).firstOrFail()
  const room = await MeetingRoom.firstOrFail()
  const invoice = await Invoice.query()
    .where('company_id', companyId)
    .where('status', 'issued')
    .first()
  const booking = await Booking.query()
    .where('companyId', companyId)
    .withScopes((scopes) => {
      scopes.confirmed()
      scopes.startingBetween(DateTime.utc().plus({ days: 2 }), DateTime.utc().plus({ years: 1 }))
    })
    .orderBy('startsAt')
    .first()
  return [
    '/',
    `/companies/${companyId}`,
    `/companies/${companyId}/contact/edit`,
    `/companies/${companyId}/billing-details/edit`,
    '/invoices',
    ...(invoice ? [`/invoices/${invoice.id}`] : []),
    `/companies/${companyId}/declarations`,
    `/companies/${companyId}/declarations/create?kind=quarter&period_on=2026-09-30`,
    `/agreements/${agreement.id}`,
    '/meeting-rooms',
    `/meeting-rooms/${room.id}`,
    '/bookings',
    '/bookings/create',
    ...(booking ? [`/bookings/${booking.id}/edit`] : []),
    '/account/email/edit',
    '/account/password/edit',
    '/account/sessions',
    '/account/calendar/edit',
  ]
}

/** Every page the demo official opens: the building, the dashboard and its print view, the account. */
export async function officialPages(): Promise<string[]> {
  return [
    '/',
    '/dashboard',
    '/dashboard?on=2017-07-05',
    '/dashboard/print',
    '/dashboard/print?on=2017-07-05',
    '/account/email/edit',
    '/account/password/edit',
    '/account/sessions',
  ]
}

/** Each demo role with its login and the pages it opens: what the page walks go through. */
export const DEMO_ROLES = [
  ['manager', 'gestion@nouvelle-forge.test', managerPages],
  ['tenant', 'locataire@nouvelle-forge.test', tenantPages],
  ['official', 'elu@nouvelle-forge.test', officialPages],
] as const
