import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import MainSeeder from '#database/seeders/main_seeder'
import OutgoingEmail from '#models/outgoing_email'
import AccountNotification, { type AccountNotice } from '#mails/account_notification'
import { seriousAccessibilityViolations } from '#tests/support/axe'
import { truncateAfterEach } from '#tests/support/database'
import { logInAs } from '#tests/support/demo_pages'
import { typographyProblems } from '#tests/support/typography'

test.group('Browser: an invitation, from the email to the first page signed in', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(async () => {
    await new MainSeeder(db.connection()).run()
  })

  test('a manager invites an official, who opens the account and lands home', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const page = await visit('/login')
    await logInAs(page, 'gestion@nouvelle-forge.test')
    await page.goto('/users')
    await page.getByRole('link', { name: 'Inviter une personne' }).click()
    await page.waitForURL((url) => url.pathname === '/invitations/create')
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'invitation form')
    await page.getByLabel('Adresse e-mail').fill('nouvel.elu@example.test')
    await page.getByLabel('Nom complet').fill('Claude Dupont')
    await page.getByLabel('Rôle').selectOption('official')
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click()
    await page.waitForURL((url) => url.pathname === '/invitations')
    assert.include(await page.locator('main').textContent(), 'nouvel.elu@example.test')

    // The email as the outbox holds it: its link, to the app's public address.
    const email = await OutgoingEmail.query().where('mail', 'account_notification').firstOrFail()
    const [message] = await AccountNotification.fromOutbox([
      JSON.parse(email.payload) as AccountNotice,
    ])
    const link = new URL(message.link)
    assert.match(link.pathname, /^\/invitations\/[\w-]{43}\/acceptance\/create$/)

    await browserContext.clearCookies()
    const invited = await visit(link.pathname)
    assert.equal(
      await invited.getByRole('heading', { level: 1 }).textContent(),
      'Créer votre compte'
    )
    assert.equal(await invited.getByLabel('Nom complet').inputValue(), 'Claude Dupont')
    assert.deepEqual(await seriousAccessibilityViolations(invited), [], 'acceptance form')
    const text = await invited.locator('body').innerText()
    assert.deepEqual(typographyProblems(text, 'fr'), [], 'acceptance form')
    await invited.locator('#field-password').fill('une-phrase-secrete-longue')
    await invited
      .getByLabel('Confirmation du nouveau mot de passe')
      .fill('une-phrase-secrete-longue')
    await invited.getByRole('button', { name: 'Créer mon compte' }).click()

    await invited.waitForURL((url) => url.pathname === '/')
    assert.equal(
      await invited.getByRole('heading', { level: 1 }).textContent(),
      'Suivi de la pépinière'
    )
    assert.include(await invited.getByRole('status').first().textContent(), 'Bienvenue')
  })
})
