import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import MainSeeder, { DEMO_PASSWORD } from '#database/seeders/main_seeder'
import { seriousAccessibilityViolations } from '#tests/support/axe'
import { truncateAfterEach } from '#tests/support/database'

test.group('Browser: an official reads the dashboard', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(async () => {
    await new MainSeeder(db.connection()).run()
  })

  test('as of 2017-07-05: 25 jobs of 80, charts drawn beside their tables', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/login')
    await page.getByLabel('Adresse e-mail').fill('elu@nouvelle-forge.test')
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForURL((url) => url.pathname === '/')

    await page.getByRole('link', { name: 'Tableau de bord', exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/dashboard')
    await page.getByLabel('Date de la situation').fill('2017-07-05')
    await page.getByRole('button', { name: 'Afficher' }).click()
    await page.getByText('Situation au 5 juillet 2017').waitFor()

    const jobs = page.locator('[data-figure="jobs"]')
    assert.equal((await jobs.textContent())!.trim(), '25 sur 80 visés')
    assert.equal(
      (await page.locator('[data-figure="companies"]').textContent())!.trim(),
      '11, dont 9 du numérique'
    )

    // Chart.js drew each chart (a canvas with pixels), and its data table is there.
    const canvases = page.locator('canvas[data-chart]')
    assert.equal(await canvases.count(), 4)
    // Chart.js sizes each canvas it draws on (a string: the test code has no DOM types).
    await page.waitForFunction(
      `[...document.querySelectorAll('canvas[data-chart]')].every((canvas) => canvas.style.height)`
    )
    const row = page
      .getByRole('table', { name: /Emplois mois par mois/ })
      .getByRole('row', { name: /juil\. 2017/ })
    assert.include(await row.textContent(), '25')
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'dashboard')

    await page.getByRole('link', { name: 'Version imprimable' }).click()
    await page.waitForURL((url) => url.pathname === '/dashboard/print')
    assert.equal(
      (await page.locator('[data-figure="jobs"]').textContent())!.trim(),
      '25 sur 80 visés'
    )
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'print view')
  })
})
