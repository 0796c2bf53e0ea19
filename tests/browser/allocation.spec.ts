import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import MainSeeder, { DEMO_PASSWORD } from '#database/seeders/main_seeder'
import Company from '#models/company'
import { today } from '#domain/periods'
import { seriousAccessibilityViolations } from '#tests/support/axe'
import { truncateAfterEach } from '#tests/support/database'

test.group('Browser: a manager finds a free cell and allocates it', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(async () => {
    await new MainSeeder(db.connection()).run()
  })

  test('find, allocate, sign, and see it on the plan', async ({ visit, assert }) => {
    await Company.create({ name: 'Nouvelle Venue SAS', sector: 'software', digital: true })
    // Far enough ahead that the demo story has freed cells by then.
    const start = today().plus({ years: 3 }).startOf('month')
    const end = start.plus({ months: 11 }).endOf('month').startOf('day')

    const page = await visit('/login')
    await page.getByLabel('Adresse e-mail').fill('gestion@nouvelle-forge.test')
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForURL((url) => url.pathname === '/')

    await page.getByRole('link', { name: 'Cellules', exact: true }).click()
    await page.getByRole('link', { name: 'Trouver des cellules libres' }).click()
    await page.getByLabel('Du').fill(start.toISODate()!)
    await page.getByLabel('Au').fill(end.toISODate()!)
    await page.getByLabel('Surface minimale (m²)').fill('20')
    await page.getByRole('button', { name: 'Chercher' }).click()
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'free cells')

    const firstChoice = page.getByRole('row').nth(1)
    const code = (await firstChoice.getByRole('rowheader').textContent())!.trim()
    await firstChoice.getByRole('link', { name: /Allouer/ }).click()
    await page.waitForURL((url) => url.pathname === '/agreements/create')

    await page.getByLabel('Entreprise').selectOption({ label: 'Nouvelle Venue SAS' })
    assert.isTrue(await page.getByRole('checkbox', { name: code }).isChecked())
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'agreement form')
    // Enter in a field saves the draft (the check of the cells is not the default button).
    await page.getByLabel('Dépôt de garantie').press('Enter')
    await page.getByText('Le brouillon de convention est enregistré').waitFor()
    await page.getByRole('link', { name: 'Signer et activer' }).click()
    await page.getByRole('heading', { name: /Signer la convention/ }).waitFor()
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'signature page')
    await page.getByRole('button', { name: 'Confirmer la signature' }).click()
    await page.getByText('La convention est signée').waitFor()
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'agreement page')

    const tile = page.locator('.plan-cell', { hasText: code })
    await page.goto(`/?on=${start.plus({ days: 10 }).toISODate()}`)
    await tile.waitFor()
    assert.include(await tile.textContent(), 'Nouvelle Venue SAS')
    assert.include(await tile.textContent(), 'Occupée')
  })
})
