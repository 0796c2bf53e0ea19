import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import MainSeeder, { DEMO_PASSWORD } from '#database/seeders/main_seeder'
import User from '#models/user'
import { seriousAccessibilityViolations } from '#tests/support/axe'
import { truncateAfterEach } from '#tests/support/database'
import { codeFor } from '#tests/support/two_factor'
import { openSecret } from '#helpers/two_factor'
import { typographyProblems } from '#tests/support/typography'
import type { Page } from 'playwright'

/** The page passes axe (nothing serious) and reads right in French. */
async function checked(page: Page) {
  const text = await page.locator('body').innerText()
  return [...(await seriousAccessibilityViolations(page)), ...typographyProblems(text, 'fr')]
}

const MANAGER = 'gestion@nouvelle-forge.test'

test.group('Browser: two-factor sign-in', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(async () => {
    await new MainSeeder(db.connection()).run()
  })

  test('a manager turns it on from their account, then signs in with a code', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/login')
    await page.getByLabel('Adresse e-mail').fill(MANAGER)
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForURL((url) => url.pathname === '/')

    await page.goto('/account/two-factor')
    assert.deepEqual(await checked(page), [], 'second factor off')
    await page.getByRole('link', { name: 'Activer la double authentification' }).click()
    await page.waitForURL((url) => url.pathname === '/account/two-factor/create')
    assert.equal(await page.locator('.qr-code svg').count(), 1)
    assert.deepEqual(await checked(page), [], 'enrolment')
    // The secret as the database keeps it (encrypted), read back as the app does.
    const manager = await User.findByOrFail('email', MANAGER)
    const secret = openSecret(manager.twoFactorSecret)!
    const manualKey = await page.locator('.manual-key').textContent()
    assert.equal(manualKey?.replace(/\s/g, ''), secret, 'the manual key is the secret')
    await page.getByLabel("Code affiché par l'application").fill(await codeFor(secret))
    await page.getByRole('button', { name: 'Vérifier et activer' }).click()
    await page.waitForURL((url) => url.pathname === '/account/two-factor')
    assert.equal(await page.locator('.recovery-codes li').count(), 10)
    assert.deepEqual(await checked(page), [], 'recovery codes')
    const tenant = await User.findByOrFail('email', 'locataire@nouvelle-forge.test')
    await page.goto(`/users/${tenant.id}/edit`)
    assert.deepEqual(await checked(page), [], "a user's page")
    await page.goto(`/users/${manager.id}/edit`)
    assert.deepEqual(await checked(page), [], "one's own user page")

    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    await page.goto('/companies')
    await page.getByLabel('Adresse e-mail').fill(MANAGER)
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForURL((url) => url.pathname === '/session/two-factor-challenge/create')
    assert.deepEqual(await checked(page), [], 'second step')

    await page.getByLabel('Code à 6 chiffres ou code de secours').fill(await codeFor(secret, 1))
    await page.getByRole('button', { name: 'Vérifier' }).click()
    await page.waitForURL((url) => url.pathname === '/companies')
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Entreprises')
  }).timeout(120_000)
})
