import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import MainSeeder, { DEMO_PASSWORD } from '#database/seeders/main_seeder'
import Agreement from '#models/agreement'
import Cell from '#models/cell'
import MeetingRoom from '#models/meeting_room'
import Closure from '#models/closure'
import { truncateNow } from '#tests/support/database'
import { typographyProblems } from '#tests/support/typography'

/**
 * The manager's pages on the demo data, in French then in English, read as text and checked
 * for what a careful reader would mark (tests/support/typography.ts).
 */
test.group('Browser: French and English typography on every page', (group) => {
  group.setup(async () => {
    await truncateNow()
    await new MainSeeder(db.connection()).run()
  })
  group.teardown(() => truncateNow())

  test('manager pages', async ({ visit, assert }) => {
    const agreement = await Agreement.query().where('status', 'active').firstOrFail()
    const cell = await Cell.firstOrFail()
    const room = await MeetingRoom.firstOrFail()
    const closure = await Closure.firstOrFail()
    const page = await visit('/login')
    await page.getByLabel('Adresse e-mail').fill('gestion@nouvelle-forge.test')
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    const problems: string[] = []
    for (const locale of ['fr', 'en'] as const) {
      if (locale === 'en') {
        await page.getByRole('button', { name: 'English' }).click()
      }
      for (const path of [
        '/',
        '/companies',
        `/companies/${agreement.companyId}`,
        `/companies/${agreement.companyId}/edit`,
        `/agreements/${agreement.id}`,
        `/agreements/${agreement.id}/termination/create`,
        `/agreements/${agreement.id}/renewal/create`,
        '/agreements/create',
        '/cells',
        `/cells/${cell.id}/edit`,
        '/timeline',
        '/rent-roll',
        '/declarations',
        '/settings/edit',
        '/users',
        '/dashboard',
        '/goals',
        '/meeting-rooms',
        `/meeting-rooms/${room.id}`,
        `/meeting-rooms/${room.id}/edit`,
        '/bookings',
        '/bookings/create',
        '/closures',
        `/closures/${closure.id}`,
        '/room-use',
        '/account/calendar/edit',
      ]) {
        await page.goto(path)
        const text = await page.locator('body').innerText()
        for (const problem of typographyProblems(text, locale)) {
          problems.push(`${locale} ${path} ${problem}`)
        }
      }
    }
    assert.deepEqual(problems, [])
  })
})
