import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import MainSeeder from '#database/seeders/main_seeder'
import { logInAs, managerPages } from '#tests/support/demo_pages'
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
    const page = await visit('/login')
    await logInAs(page, 'gestion@nouvelle-forge.test')
    for (const path of await managerPages()) {
      await page.goto(path)
      assert.deepEqual(await seriousAccessibilityViolations(page), [], path)
    }
  })
    // Some forty pages, each read in full: a busy machine needs more than a minute.
    .timeout(240_000)

  test('tenant pages', async ({ visit, assert }) => {
    const page = await visit('/login')
    await logInAs(page, 'locataire@nouvelle-forge.test')
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
