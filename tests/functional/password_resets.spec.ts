import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import AccountToken from '#models/account_token'
import AuditEvent from '#models/audit_event'
import OutgoingEmail from '#models/outgoing_email'
import { recordedMails } from '#mails/transports/recording_transport'
import { createBuilding, createUser, PASSWORD } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { sqlDateTime } from '#helpers/sql_dates'

const SENT =
  'Si un compte actif correspond à cette adresse, un e-mail vient de lui être envoyé avec un lien valable une heure. Pensez à regarder dans les indésirables.'
const NEW_PASSWORD = 'un-tout-nouveau-secret'

/** The path of the link the last email to an address carries. */
function linkSentTo(email: string) {
  const [message] = recordedMails.to(email).slice(-1)
  const match = message?.text.match(/http:\/\/localhost:3333(\/password-resets\/[\w-]+\/edit)/)
  if (!match) throw new Error(`no reset link sent to ${email}`)
  return match[1]
}

test.group('Forgotten password', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => limiter.clear())
  group.each.setup(() => recordedMails.clear())

  /** Asks for a link for an address, as the form sends it. */
  function ask(client: any, email: string) {
    return client.post('/password-resets').form({ email }).withCsrfToken().redirects(0)
  }

  /** Sets a new password through a link's path. */
  function choose(client: any, path: string, password = NEW_PASSWORD) {
    return client
      .put(path.replace(/\/edit$/, ''))
      .form({ password, passwordConfirmation: password })
      .withCsrfToken()
      .redirects(0)
  }

  test('the login page offers « Mot de passe oublié ? »', async ({ client }) => {
    const login = await client.get('/login')
    login.assertTextIncludes('Mot de passe oublié\u00a0?')
    login.assertTextIncludes('href="/password-resets/create"')
    const form = await client.get('/password-resets/create')
    form.assertStatus(200)
    form.assertTextIncludes('Recevoir le lien')
  })

  test('a known and an unknown address get the same answer; only the known one an email', async ({
    client,
    assert,
  }) => {
    const user = await createUser('tenant')
    const known = await ask(client, user.email)
    const unknown = await ask(client, 'personne@example.test')
    for (const response of [known, unknown]) {
      response.assertStatus(302)
      response.assertHeader('location', '/login')
      response.assertFlashMessage('success', SENT)
    }
    assert.deepEqual(known.flashMessages(), unknown.flashMessages())
    const pages = await Promise.all(
      [user.email, 'autre-personne@example.test'].map(async (email) => {
        const page = await client.post('/password-resets').form({ email }).withCsrfToken()
        return visibleText(page.text())
      })
    )
    assert.equal(pages[0], pages[1])
    assert.lengthOf(recordedMails.to(user.email), 2)
    assert.lengthOf(recordedMails.to('personne@example.test'), 0)
    assert.lengthOf(recordedMails.messages, 2)
  })

  test('a disabled account gets no link', async ({ client, assert }) => {
    const user = await createUser('tenant', { disabledAt: DateTime.utc() })
    const response = await ask(client, user.email)
    response.assertFlashMessage('success', SENT)
    assert.lengthOf(recordedMails.to(user.email), 0)
  })

  test('the link sets a new password, ends the sessions, tells the person and signs in', async ({
    client,
    assert,
  }) => {
    await createBuilding()
    const user = await createUser('official', { locale: 'fr' })
    await ask(client, user.email)
    const [message] = recordedMails.to(user.email)
    assert.equal(message.subject, 'Choisir un nouveau mot de passe')
    assert.include(message.text, 'valable une heure')
    const path = linkSentTo(user.email)
    const token = path.split('/')[2]
    const row = await AccountToken.findByOrFail('purpose', 'password_reset')
    assert.notEqual(row.tokenHash, token)
    assert.closeTo(row.expiresAt.diff(DateTime.utc(), 'minutes').minutes, 60, 1)

    const form = await client.get(path)
    form.assertStatus(200)
    form.assertTextIncludes('Choisir un nouveau mot de passe')

    await user.refresh()
    const generation = user.sessionGeneration
    recordedMails.clear()
    const response = await choose(client, path)
    response.assertStatus(302)
    response.assertHeader('location', '/')
    response.assertSession('auth_web', user.id)
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, NEW_PASSWORD))
    assert.equal(user.sessionGeneration, generation + 1)
    const event = await AuditEvent.findByOrFail('action', 'user.password_reset_by_link')
    assert.equal(event.subjectId, user.id)
    // The link proves who followed it: the history names the account holder, not "Système".
    assert.equal(event.userId, user.id)
    const [notice] = recordedMails.to(user.email)
    assert.equal(notice.subject, 'Votre mot de passe a été modifié')
  })

  test('an English speaker gets the email in English', async ({ client, assert }) => {
    const user = await createUser('tenant', { locale: 'en' })
    await ask(client, user.email)
    const [message] = recordedMails.to(user.email)
    assert.equal(message.subject, 'Choose a new password')
  })

  test('the password rules are the usual ones', async ({ client, assert }) => {
    const user = await createUser('tenant')
    await ask(client, user.email)
    const response = await choose(client, linkSentTo(user.email), 'court')
    assert.property(response.flashMessages().inputErrorsBag, 'password')
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, PASSWORD))
  })

  test('a replayed link says it was used, and changes nothing', async ({ client, assert }) => {
    const user = await createUser('tenant')
    await ask(client, user.email)
    const path = linkSentTo(user.email)
    const first = await choose(client, path)
    first.assertStatus(302)
    const replay = await choose(client, path, 'encore-un-autre-secret')
    replay.assertStatus(410)
    replay.assertTextIncludes('Ce lien a déjà servi')
    replay.assertTextIncludes('Demander un nouveau lien')
    const again = await client.get(path)
    again.assertStatus(410)
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, NEW_PASSWORD))
  })

  test('two submissions at once: the second finds the link used', async ({ client, assert }) => {
    const user = await createUser('tenant')
    await ask(client, user.email)
    const path = linkSentTo(user.email)
    const responses = await Promise.all([
      choose(client, path, 'premier-secret-choisi'),
      choose(client, path, 'second-secret-choisi'),
    ])
    assert.sameMembers(
      responses.map((response) => response.status()),
      [302, 410]
    )
    assert.lengthOf(await AuditEvent.query().where('action', 'user.password_reset_by_link'), 1)
  })

  test('an expired link says so and offers a new one', async ({ client, assert }) => {
    const user = await createUser('tenant')
    await ask(client, user.email)
    await AccountToken.query().update({
      expires_at: sqlDateTime(DateTime.utc().minus({ minutes: 1 })),
    })
    const page = await client.get(linkSentTo(user.email))
    page.assertStatus(410)
    page.assertTextIncludes('Ce lien a expiré')
    const response = await choose(client, linkSentTo(user.email))
    response.assertStatus(410)
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, PASSWORD))
  })

  test('a tampered link is not valid; a former link is replaced', async ({ client, assert }) => {
    const user = await createUser('tenant')
    await ask(client, user.email)
    const first = linkSentTo(user.email)
    const tampered = first.replace(
      /(\/password-resets\/)([\w-])/,
      (_, prefix, c) => `${prefix}${c === 'A' ? 'B' : 'A'}`
    )
    const broken = await client.get(
      first.replace(/[\w-]{43}/, (t) => t.slice(0, 42) + (t[42] === 'A' ? 'B' : 'A'))
    )
    broken.assertStatus(404)
    assert.include(visibleText(broken.text()), "Ce lien n'est pas valide")
    for (const path of [tampered, '/password-resets/..%2F..%2Fetc/edit']) {
      const page = await client.get(path)
      page.assertStatus(404)
    }
    await ask(client, user.email)
    const replaced = await client.get(first)
    replaced.assertStatus(410)
    replaced.assertTextIncludes('Ce lien a été remplacé ou annulé')
  })

  test('asking is throttled per email and per client address', async ({ client, assert }) => {
    const user = await createUser('tenant')
    for (let i = 0; i < 3; i++) {
      const response = await ask(client, user.email)
      response.assertFlashMessage('success', SENT)
    }
    const throttled = await ask(client, user.email)
    throttled.assertHeader('location', '/password-resets/create')
    assert.match(
      throttled.flashMessages().error,
      /^Trop de demandes de lien\. Réessayez dans \d+ minutes?\.$/
    )
    assert.lengthOf(recordedMails.to(user.email), 3)
    // An unknown address is throttled the same way (the answer tells nothing).
    for (let i = 0; i < 3; i++) await ask(client, 'inconnu@example.test')
    const unknown = await ask(client, 'inconnu@example.test')
    assert.property(unknown.flashMessages(), 'error')
    // Across addresses, one client is held too.
    await limiter.clear()
    for (let i = 0; i < 10; i++) await ask(client, `personne${i}@example.test`)
    const held = await ask(client, user.email)
    assert.property(held.flashMessages(), 'error')
    const emails = await OutgoingEmail.query().where('mail', 'account_notification')
    assert.lengthOf(emails, 3)
  })

  test('a logged-in person is sent home', async ({ client }) => {
    const user = await createUser('tenant')
    const response = await client.get('/password-resets/create').loginAs(user).redirects(0)
    response.assertHeader('location', '/')
  })
})
