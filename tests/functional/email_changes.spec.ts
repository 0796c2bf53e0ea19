import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import db from '@adonisjs/lucid/services/db'
import AccountToken from '#models/account_token'
import AuditEvent from '#models/audit_event'
import Invitation from '#models/invitation'
import User from '#models/user'
import { recordedMails } from '#mails/transports/recording_transport'
import { createBuilding, createUser, PASSWORD } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { Visitor } from '#tests/support/instances'
import { sqlDateTime } from '#helpers/sql_dates'

const NEW_EMAIL = 'nouvelle.adresse@example.test'

/** The test server, reached as a browser would (its own cookies, real requests). */
const base = () => `http://${process.env.HOST}:${process.env.PORT}`

/** The path of the confirmation link the last email to an address carries. */
function linkSentTo(email: string) {
  const [message] = recordedMails.to(email).slice(-1)
  const match = message?.text.match(
    /http:\/\/localhost:3333(\/email-changes\/[\w-]+\/confirmation\/create)/
  )
  if (!match) throw new Error(`no email-change link sent to ${email}`)
  return match[1]
}

/** Asks for a change of address as the person, the form's fields as given. */
function ask(client: any, user: User, email = NEW_EMAIL, currentPassword = PASSWORD) {
  return client
    .put('/account/email')
    .loginAs(user)
    .form({ email, currentPassword })
    .withCsrfToken()
    .header('referer', '/account/email/edit')
    .redirects(0)
}

/** Confirms through a link's path, not signed in. */
function confirm(client: any, path: string) {
  return client
    .post(path.replace(/\/create$/, ''))
    .withCsrfToken()
    .redirects(0)
}

test.group('Email change', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => limiter.clear())
  group.each.setup(() => recordedMails.clear())

  test('the account pages offer it; the page shows the current address', async ({ client }) => {
    const user = await createUser('official')
    const page = await client.get('/account/email/edit').loginAs(user)
    page.assertStatus(200)
    page.assertTextIncludes(user.email)
    page.assertTextIncludes('Recevoir le lien de confirmation')
    const password = await client.get('/account/password/edit').loginAs(user)
    password.assertTextIncludes('href="/account/email/edit"')
  })

  test('asking sends a link to the new address and a notice to the current one; nothing changes yet', async ({
    client,
    assert,
  }) => {
    const user = await createUser('tenant')
    const response = await ask(client, user, ' Nouvelle.Adresse@Example.TEST ')
    response.assertHeader('location', '/account/email/edit')
    response.assertFlashMessage(
      'success',
      `Un lien de confirmation, valable 24\u00a0heures, vient d'être envoyé à ${NEW_EMAIL}\u00a0; votre adresse ne change qu'une fois ce lien suivi. Pensez à regarder dans les indésirables.`
    )
    const [link] = recordedMails.to(NEW_EMAIL)
    assert.equal(link.subject, 'Confirmer votre nouvelle adresse e-mail')
    assert.include(link.text, 'valable 24\u00a0heures')
    const [notice] = recordedMails.to(user.email)
    assert.equal(notice.subject, 'Demande de changement de votre adresse e-mail')
    assert.include(notice.text, NEW_EMAIL)
    assert.include(notice.text, "Si ce n'est pas vous")
    assert.lengthOf(recordedMails.messages, 2)

    const row = await AccountToken.findByOrFail('purpose', 'email_change')
    assert.equal(row.email, NEW_EMAIL)
    assert.equal(row.userId, user.id)
    assert.notInclude(linkSentTo(NEW_EMAIL), row.tokenHash)
    assert.closeTo(row.expiresAt.diff(DateTime.utc(), 'hours').hours, 24, 0.1)
    await user.refresh()
    assert.notEqual(user.email, NEW_EMAIL)
  })

  test('an English speaker gets both emails in English', async ({ client, assert }) => {
    const user = await createUser('manager', { locale: 'en' })
    await ask(client, user)
    assert.equal(recordedMails.to(NEW_EMAIL)[0].subject, 'Confirm your new email address')
    assert.equal(
      recordedMails.to(user.email)[0].subject,
      'A change of your email address was asked for'
    )
  })

  test('the link, followed logged out, changes the address, records it and tells the former one', async ({
    client,
    assert,
  }) => {
    await createBuilding()
    const user = await createUser('official')
    const former = user.email
    await ask(client, user)
    const path = linkSentTo(NEW_EMAIL)
    const page = await client.get(path)
    page.assertStatus(200)
    assert.include(visibleText(page.text()), NEW_EMAIL)
    page.assertTextIncludes('Confirmer cette adresse')
    await user.refresh()
    assert.equal(user.email, former, 'opening the link changes nothing')

    const generation = user.sessionGeneration
    recordedMails.clear()
    const response = await confirm(client, path)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertFlashMessage(
      'success',
      `Votre adresse e-mail est désormais ${NEW_EMAIL}\u00a0; vos autres sessions sont fermées.`
    )
    await user.refresh()
    assert.equal(user.email, NEW_EMAIL)
    assert.equal(user.sessionGeneration, generation + 1)
    const row = await AccountToken.findByOrFail('purpose', 'email_change')
    assert.isNotNull(row.usedAt)

    const event = await AuditEvent.findByOrFail('action', 'user.email_changed')
    assert.equal(event.subjectId, user.id)
    assert.equal(event.userId, user.id)
    assert.deepEqual(event.changedFields, [{ field: 'email', before: former, after: NEW_EMAIL }])
    const [notice] = recordedMails.to(former)
    assert.equal(notice.subject, "L'adresse e-mail de votre compte a été changée")
    assert.include(notice.text, NEW_EMAIL)
    assert.lengthOf(recordedMails.messages, 1)

    // The history reads it in words, on the person's page and on the manager's.
    const own = await client.get('/account/email/edit').loginAs(user)
    const text = visibleText(own.text())
    assert.include(text, "Changement d'adresse e-mail confirmé par la personne")
    assert.include(text, `${user.fullName} Changement d'adresse e-mail confirmé par la personne`)
    assert.include(text, `Adresse e-mail : ${former} → ${NEW_EMAIL}`)
    const manager = await createUser('manager')
    const edit = await client.get(`/users/${user.id}/edit`).loginAs(manager)
    assert.include(visibleText(edit.text()), `Adresse e-mail : ${former} → ${NEW_EMAIL}`)

    // The new address signs in; the former one no longer does.
    const login = await client
      .post('/login')
      .form({ email: NEW_EMAIL, password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    login.assertHeader('location', '/')
  })

  test('followed in the signed-in browser: that session goes on, the others end', async ({
    assert,
  }) => {
    await createBuilding()
    const user = await createUser('tenant')
    const laptop = new Visitor()
    const phone = new Visitor()
    for (const browser of [laptop, phone]) {
      const login = await browser.submit(base(), '/login', '/login', {
        email: user.email,
        password: PASSWORD,
      })
      assert.equal(login.location, '/')
    }
    const asked = await laptop.submit(base(), '/account/email/edit', '/account/email?_method=PUT', {
      email: NEW_EMAIL,
      currentPassword: PASSWORD,
    })
    assert.equal(asked.location, '/account/email/edit')
    const path = linkSentTo(NEW_EMAIL)
    const confirmed = await laptop.submit(base(), path, path.replace(/\/create$/, ''), {})
    assert.equal(confirmed.location, '/')
    const onLaptop = await laptop.request(base(), '/')
    const onPhone = await phone.request(base(), '/')
    assert.equal(onLaptop.status, 200)
    assert.equal(onPhone.location, '/login')
  })

  test('a replayed link says it was used, and changes nothing', async ({ client, assert }) => {
    const user = await createUser('tenant')
    await ask(client, user)
    const path = linkSentTo(NEW_EMAIL)
    const first = await confirm(client, path)
    first.assertStatus(302)
    const replay = await confirm(client, path)
    replay.assertStatus(410)
    assert.include(visibleText(replay.text()), 'Ce lien a déjà servi')
    assert.include(visibleText(replay.text()), "Demander un nouveau changement d'adresse")
    const again = await client.get(path)
    again.assertStatus(410)
    assert.lengthOf(await AuditEvent.query().where('action', 'user.email_changed'), 1)
  })

  test('two confirmations at once: the second finds the link used', async ({ client, assert }) => {
    const user = await createUser('tenant')
    await ask(client, user)
    const path = linkSentTo(NEW_EMAIL)
    const responses = await Promise.all([confirm(client, path), confirm(client, path)])
    assert.sameMembers(
      responses.map((response) => response.status()),
      [302, 410]
    )
    assert.lengthOf(await AuditEvent.query().where('action', 'user.email_changed'), 1)
  })

  test('an expired link says so and offers to ask again', async ({ client, assert }) => {
    const user = await createUser('tenant')
    await ask(client, user)
    await AccountToken.query().update({
      expires_at: sqlDateTime(DateTime.utc().minus({ minutes: 1 })),
    })
    const page = await client.get(linkSentTo(NEW_EMAIL))
    page.assertStatus(410)
    assert.include(visibleText(page.text()), 'Ce lien a expiré')
    page.assertTextIncludes('href="/account/email/edit"')
    const response = await confirm(client, linkSentTo(NEW_EMAIL))
    response.assertStatus(410)
    await user.refresh()
    assert.notEqual(user.email, NEW_EMAIL)
  })

  test('a tampered link is not valid; a former link is replaced by a new ask', async ({
    client,
    assert,
  }) => {
    const user = await createUser('tenant')
    await ask(client, user)
    const first = linkSentTo(NEW_EMAIL)
    const tampered = first.replace(/[\w-]{43}/, (t) => t.slice(0, 42) + (t[42] === 'A' ? 'B' : 'A'))
    for (const path of [tampered, '/email-changes/..%2F..%2Fetc/confirmation/create']) {
      const page = await client.get(path)
      page.assertStatus(404)
      assert.include(visibleText(page.text()), "Ce lien n'est pas valide")
    }
    const post = await confirm(client, tampered)
    post.assertStatus(404)
    // A token of another purpose does not work here.
    const { token } = await db.transaction((trx) =>
      AccountToken.issue({ purpose: 'password_reset', email: user.email, userId: user.id }, trx)
    )
    const otherPurpose = await client.get(`/email-changes/${token}/confirmation/create`)
    otherPurpose.assertStatus(404)

    await ask(client, user, 'autre.adresse@example.test')
    const replaced = await client.get(first)
    replaced.assertStatus(410)
    assert.include(visibleText(replaced.text()), 'Ce lien a été remplacé ou annulé')
    await user.refresh()
    assert.notEqual(user.email, NEW_EMAIL)
  })

  test('an address taken meanwhile says so, and changes nothing', async ({ client, assert }) => {
    const user = await createUser('tenant')
    const former = user.email
    await ask(client, user)
    const path = linkSentTo(NEW_EMAIL)
    await createUser('official', { email: NEW_EMAIL })
    const response = await confirm(client, path)
    response.assertStatus(409)
    assert.include(visibleText(response.text()), "Cette adresse n'est plus libre")
    await user.refresh()
    assert.equal(user.email, former)
    assert.lengthOf(await AuditEvent.query().where('action', 'user.email_changed'), 0)
  })

  test('an address taken between the check and the write (the unique key) says so too', async ({
    client,
    assert,
  }) => {
    const user = await createUser('tenant')
    await ask(client, user)
    const path = linkSentTo(NEW_EMAIL)
    await createUser('official', { email: NEW_EMAIL })
    // The check passes as it would have a moment before the other account took the address.
    const check = User.assertEmailFree
    User.assertEmailFree = async () => {}
    try {
      const response = await confirm(client, path)
      response.assertStatus(409)
      assert.include(visibleText(response.text()), "Cette adresse n'est plus libre")
    } finally {
      User.assertEmailFree = check
    }
    const link = await AccountToken.findByOrFail('purpose', 'email_change')
    assert.isNull(link.usedAt, 'nothing half-saved: the link is not used up')
  })

  test('an address already taken, or invited, is refused next to the field, input kept', async ({
    client,
    assert,
  }) => {
    const user = await createUser('tenant')
    const other = await createUser('official')
    const taken = await ask(client, user, other.email)
    taken.assertHeader('location', '/account/email/edit')
    assert.equal(
      taken.flashMessages().inputErrorsBag.email[0],
      "Cette adresse est déjà celle d'un autre compte."
    )
    assert.equal(taken.flashMessages().email, other.email)
    assert.notProperty(taken.flashMessages(), 'currentPassword')

    const manager = await createUser('manager')
    await Invitation.invite({ email: 'invitee@example.test', role: 'official' }, manager)
    recordedMails.clear()
    const invited = await ask(client, user, 'invitee@example.test')
    assert.match(
      invited.flashMessages().inputErrorsBag.email[0],
      /^Une invitation est en attente pour cette adresse/
    )
    const same = await ask(client, user, user.email)
    assert.equal(
      same.flashMessages().inputErrorsBag.email[0],
      "C'est déjà l'adresse de votre compte."
    )
    assert.lengthOf(recordedMails.messages, 0)
    assert.lengthOf(await AccountToken.query().where('purpose', 'email_change'), 0)
  })

  test('a wrong current password is refused next to the field, and throttled', async ({
    client,
    assert,
  }) => {
    const user = await createUser('tenant')
    const wrong = await ask(client, user, NEW_EMAIL, 'pas-le-bon-mot-de-passe')
    wrong.assertHeader('location', '/account/email/edit')
    assert.equal(
      wrong.flashMessages().inputErrorsBag.currentPassword[0],
      'Le mot de passe actuel est incorrect.'
    )
    assert.equal(wrong.flashMessages().email, NEW_EMAIL)
    for (let i = 0; i < 4; i++) await ask(client, user, NEW_EMAIL, 'pas-le-bon-mot-de-passe')
    const held = await ask(client, user)
    assert.match(
      held.flashMessages().inputErrorsBag.currentPassword[0],
      /^Trop de tentatives de connexion échouées\. Réessayez dans \d+ minutes?\.$/
    )
    assert.lengthOf(recordedMails.messages, 0)
  })

  test('asking is throttled per account', async ({ client, assert }) => {
    const user = await createUser('tenant')
    for (let i = 0; i < 3; i++) {
      const response = await ask(client, user, `adresse${i}@example.test`)
      assert.property(response.flashMessages(), 'success')
    }
    const throttled = await ask(client, user, 'encore@example.test')
    throttled.assertHeader('location', '/account/email/edit')
    assert.match(
      throttled.flashMessages().error,
      /^Trop de demandes de changement d'adresse\. Réessayez dans \d+ minutes?\.$/
    )
    assert.equal(throttled.flashMessages().email, 'encore@example.test')
    assert.lengthOf(recordedMails.to('encore@example.test'), 0)
  })

  test('a disabled account’s link does not work', async ({ client, assert }) => {
    const user = await createUser('tenant')
    await ask(client, user)
    const path = linkSentTo(NEW_EMAIL)
    await user.disable()
    const response = await confirm(client, path)
    response.assertStatus(410)
    await user.refresh()
    assert.notEqual(user.email, NEW_EMAIL)
  })

  test('a manager’s change of an address is recorded and shown in the account history', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const user = await createUser('official')
    const former = user.email
    await client
      .put(`/users/${user.id}`)
      .loginAs(manager)
      .form({ fullName: user.fullName, email: 'corrigee@example.test', role: 'official' })
      .withCsrfToken()
      .redirects(0)
    const event = await AuditEvent.findByOrFail('action', 'user.updated')
    assert.equal(event.userId, manager.id)
    assert.deepEqual(event.changedFields, [
      { field: 'email', before: former, after: 'corrigee@example.test' },
    ])
    const edit = await client.get(`/users/${user.id}/edit`).loginAs(manager)
    const text = visibleText(edit.text())
    assert.include(text, 'Modification du compte par un gestionnaire')
    // An address a pending invitation waits for is refused there too.
    await Invitation.invite({ email: 'attendue@example.test', role: 'official' }, manager)
    const invited = await client
      .put(`/users/${user.id}`)
      .loginAs(manager)
      .form({ fullName: user.fullName, email: 'attendue@example.test', role: 'official' })
      .withCsrfToken()
      .header('referer', `/users/${user.id}/edit`)
      .redirects(0)
    const errors = invited.flashMessages().inputErrorsBag as Record<string, string[]>
    assert.match(errors.email[0], /^Une invitation est en attente pour cette adresse/)
    await user.refresh()
    assert.equal(user.email, 'corrigee@example.test')
    assert.include(text, `Adresse e-mail : ${former} → corrigee@example.test`)
    await user.refresh()
    const own = await client.get('/account/email/edit').loginAs(user)
    assert.include(
      visibleText(own.text()),
      `${manager.fullName} Modification du compte par un gestionnaire Adresse e-mail : ${former} → corrigee@example.test`
    )
  })
})
