import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import MainSeeder, { DEMO_PASSWORD } from '#database/seeders/main_seeder'
import Agreement from '#models/agreement'
import Cell from '#models/cell'
import MeetingRoom from '#models/meeting_room'
import Closure from '#models/closure'
import { seriousAccessibilityViolations } from '#tests/support/axe'
import { truncateNow } from '#tests/support/database'

/**
 * Every page a manager or a tenant opens, on the demo data, checked with axe-core:
 * no violation of impact "serious" or "critical".
 */
test.group('Browser: every page passes the accessibility check', (group) => {
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

    for (const path of [
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
    ]) {
      await page.goto(path)
      assert.deepEqual(await seriousAccessibilityViolations(page), [], path)
    }
  })

  test('tenant pages', async ({ visit, assert }) => {
    const page = await visit('/login')
    await page.getByLabel('Adresse e-mail').fill('locataire@nouvelle-forge.test')
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'home')

    await page.getByRole('link', { name: 'Mon entreprise' }).click()
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'company')
    await page.getByRole('link', { name: 'Modifier les coordonnées' }).click()
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'contact form')

    await page.goBack()
    await page.getByRole('link', { name: "Déclarations d'effectif" }).click()
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'declarations')
    await page.goto(`${new URL(page.url()).pathname}/create?kind=quarter&period_on=2026-09-30`)
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'declaration form')

    for (const path of [
      '/meeting-rooms',
      '/bookings',
      '/bookings/create',
      '/account/calendar/edit',
    ]) {
      await page.goto(path)
      assert.deepEqual(await seriousAccessibilityViolations(page), [], path)
    }
  })
})
