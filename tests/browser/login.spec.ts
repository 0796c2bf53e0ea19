import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import MainSeeder, { DEMO_PASSWORD } from '#database/seeders/main_seeder'
import { seriousAccessibilityViolations } from '#tests/support/axe'
import { truncateAfterEach } from '#tests/support/database'

const DEMO_HOMES = [
  {
    role: 'manager',
    email: 'gestion@nouvelle-forge.test',
    heading: 'Plan et échéances',
    section: 'Nouvelle Forge',
  },
  {
    role: 'official',
    email: 'elu@nouvelle-forge.test',
    heading: 'Suivi de la pépinière',
    section: 'Nouvelle Forge',
  },
  // A tenant's home is about its company: its bookings first, not the building's figures.
  {
    role: 'tenant',
    email: 'locataire@nouvelle-forge.test',
    heading: 'Espace entreprise',
    section: 'Vos prochaines réservations',
  },
]

test.group('Browser: each demo role logs in and sees its home page', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(async () => {
    await new MainSeeder(db.connection()).run()
  })

  test('{role} logs in and sees "{heading}"')
    .with(DEMO_HOMES)
    .run(async ({ visit, assert }, demo) => {
      const page = await visit('/login')
      assert.deepEqual(await seriousAccessibilityViolations(page), [], 'login page')

      await page.getByLabel('Adresse e-mail').fill(demo.email)
      await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
      await page.getByRole('button', { name: 'Se connecter' }).click()

      await page.waitForURL((url) => url.pathname === '/')
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), demo.heading)
      assert.equal(await page.getByRole('heading', { name: demo.section, exact: true }).count(), 1)
      assert.deepEqual(await seriousAccessibilityViolations(page), [], 'home page')
    })

  test('a wrong password shows the French message and keeps the email', async ({
    visit,
    assert,
  }) => {
    const page = await visit('/login')
    await page.getByLabel('Adresse e-mail').fill('gestion@nouvelle-forge.test')
    await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe')
    await page.getByRole('button', { name: 'Se connecter' }).click()

    const alert = page.getByRole('alert')
    await alert.waitFor()
    const message = await alert.textContent()
    assert.equal(
      message?.trim(),
      'Adresse e-mail ou mot de passe incorrect. Si votre compte a été désactivé, contactez un gestionnaire de la pépinière.'
    )
    assert.equal(
      await page.getByLabel('Adresse e-mail').inputValue(),
      'gestion@nouvelle-forge.test'
    )
    assert.equal(await page.getByLabel('Mot de passe').inputValue(), '')
  })

  test('a manager creates an account with the keyboard-usable form', async ({ visit, assert }) => {
    const page = await visit('/login')
    await page.getByLabel('Adresse e-mail').fill('gestion@nouvelle-forge.test')
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForURL((url) => url.pathname === '/')

    await page.getByRole('link', { name: 'Utilisateurs', exact: true }).click()
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'accounts list')
    await page.getByRole('link', { name: 'Nouveau compte' }).click()
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'new account form')

    await page.getByLabel('Nom complet').fill('Hugo Nouveau')
    await page.getByLabel('Adresse e-mail').fill('hugo@example.test')
    await page.getByLabel('Rôle').selectOption('official')
    await page.getByLabel('Mot de passe initial').fill('court')
    await page.getByRole('button', { name: 'Créer' }).click()

    await page.getByText('Saisissez au moins 12 caractères.').waitFor()
    assert.equal(await page.getByLabel('Nom complet').inputValue(), 'Hugo Nouveau')
    assert.equal(await page.getByLabel('Rôle').inputValue(), 'official')
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'form with errors')

    await page.getByLabel('Mot de passe initial').fill('un-mot-de-passe-long')
    await page.keyboard.press('Enter')
    await page.getByText('Le compte de Hugo Nouveau est créé.').waitFor()
    assert.equal(await page.getByRole('row', { name: /Hugo Nouveau/ }).count(), 1)
  })

  test('the 404 page is accessible', async ({ visit, assert }) => {
    const page = await visit('/nulle-part')
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Page introuvable')
    assert.deepEqual(await seriousAccessibilityViolations(page), [])
  })

  test('the accessibility check catches a serious violation', async ({
    browserContext,
    assert,
  }) => {
    const page = await browserContext.newPage()
    await page.setContent(
      '<!doctype html><html lang="fr"><title>t</title><main><input type="text"></main></html>'
    )
    const violations = await seriousAccessibilityViolations(page)
    assert.isTrue(violations.some((violation) => violation.startsWith('label ')))
  })
})
