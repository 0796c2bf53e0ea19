import type { Page } from 'playwright'
import { DEMO_PASSWORD } from '#database/seeders/main_seeder'
import Agreement from '#models/agreement'
import Cell from '#models/cell'
import MeetingRoom from '#models/meeting_room'
import Closure from '#models/closure'

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
  const cell = await Cell.firstOrFail()
  const room = await MeetingRoom.firstOrFail()
  const closure = await Closure.firstOrFail()
  return [
    '/',
    '/?on=2017-07-05',
    '/companies',
    '/companies?status=alumni',
    '/companies/create',
    `/companies/${agreement.companyId}`,
    `/companies/${agreement.companyId}/edit`,
    `/agreements/${agreement.id}`,
    `/agreements/${agreement.id}/termination/create`,
    `/agreements/${agreement.id}/renewal/create`,
    `/agreements/${agreement.id}/move/create`,
    '/agreements/create',
    '/cells',
    `/cells/${cell.id}/edit`,
    '/free-cells?startsOn=2030-01-01&endsOn=2030-12-31&adjacent=true',
    '/timeline',
    '/rent-roll',
    '/declarations?on=2027-01-05',
    '/settings/edit',
    '/users',
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
    '/room-use',
    '/account/calendar/edit',
  ]
}
