import { test } from '@japa/runner'
import { billingSettingsForm } from '#tests/support/billing'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import type User from '#models/user'
import Setting from '#models/setting'
import AuditEvent from '#models/audit_event'
import { createBuilding, createUser, PASSWORD } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { Visitor } from '#tests/support/instances'
import { codeFor, enableTwoFactor } from '#tests/support/two_factor'

/** The test server, reached as a browser would (its own cookies, real requests). */
const base = () => `http://${process.env.HOST}:${process.env.PORT}`
const CHALLENGE = '/session/two-factor-challenge/create'

/** A browser that typed the account's right password: it is asked for the code next. */
async function passwordTyped(user: User) {
  const visitor = new Visitor()
  const answer = await visitor.submit(base(), '/login', '/login', {
    email: user.email,
    password: PASSWORD,
  })
  return { visitor, answer }
}

/** Sends a code on the second step's page. */
function typeCode(visitor: Visitor, code: string) {
  return visitor.submit(base(), CHALLENGE, '/session/two-factor-challenge', { code })
}

/** Where an answer sends the browser. */
async function locationOf(answer: Promise<{ location: string | null }>) {
  const { location } = await answer
  return location
}

/** What a browser gets for the home page: 200, or where it is sent. */
async function home(visitor: Visitor) {
  const answer = await visitor.request(base(), '/')
  return answer.status === 200 ? 'home' : answer.location
}

/** The message a page shows after a redirect. */
async function messageOn(visitor: Visitor, path: string) {
  const page = await visitor.request(base(), path)
  return visibleText(page.text)
}

test.group('Two-factor sign-in', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => limiter.clear())
  group.each.setup(async () => {
    await createBuilding()
  })

  test('after the right password the code is asked, and only then is the person signed in', async ({
    assert,
  }) => {
    const user = await createUser('manager')
    const { secret } = await enableTwoFactor(user)
    const { visitor, answer } = await passwordTyped(user)
    assert.equal(answer.location, CHALLENGE)
    assert.equal(await home(visitor), '/login')

    const page = await visitor.request(base(), CHALLENGE)
    assert.equal(page.status, 200)
    assert.include(visibleText(page.text), 'Code de vérification')
    const signedIn = await typeCode(visitor, await codeFor(secret, 1))
    assert.equal(signedIn.location, '/')
    assert.equal(await home(visitor), 'home')
  })

  test('the page asked for before the login is reached after the code', async ({ assert }) => {
    const user = await createUser('manager')
    const { secret } = await enableTwoFactor(user)
    const visitor = new Visitor()
    const asked = await visitor.request(base(), '/companies')
    assert.equal(asked.location, '/login')
    await visitor.submit(base(), '/login', '/login', { email: user.email, password: PASSWORD })
    const signedIn = await typeCode(visitor, await codeFor(secret, 1))
    assert.equal(signedIn.location, '/companies')
  })

  test('a wrong code is refused with a French message, and the person is not signed in', async ({
    assert,
  }) => {
    const user = await createUser('tenant')
    await enableTwoFactor(user)
    const { visitor } = await passwordTyped(user)
    const refused = await typeCode(visitor, '000000')
    assert.equal(refused.location, CHALLENGE)
    assert.include(await messageOn(visitor, CHALLENGE), 'Code incorrect ou déjà utilisé')
    assert.equal(await home(visitor), '/login')
  })

  test('a code is accepted once: the same code again is refused', async ({ assert }) => {
    const user = await createUser('manager')
    const { secret } = await enableTwoFactor(user)
    const code = await codeFor(secret, 1)
    const first = await passwordTyped(user)
    assert.equal(await locationOf(typeCode(first.visitor, code)), '/')

    const second = await passwordTyped(user)
    const replayed = await typeCode(second.visitor, code)
    assert.equal(replayed.location, CHALLENGE)
    assert.equal(await home(second.visitor), '/login')
  })

  test('the code enrolment used is not accepted at sign-in', async ({ assert }) => {
    const user = await createUser('manager')
    const { secret } = await enableTwoFactor(user)
    const { visitor } = await passwordTyped(user)
    const refused = await typeCode(visitor, await codeFor(secret))
    assert.equal(refused.location, CHALLENGE)
  })

  test('the second step expires: an old one sends back to the login', async ({ client }) => {
    const user = await createUser('manager')
    const { secret } = await enableTwoFactor(user)
    const response = await client
      .post('/session/two-factor-challenge')
      .withSession({ twoFactorChallenge: { userId: user.id, expiresAt: Date.now() - 1000 } })
      .form({ code: await codeFor(secret, 1) })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertFlashMessage(
      'error',
      "La connexion a expiré ou n'a pas été commencée. Saisissez de nouveau votre adresse e-mail et votre mot de passe."
    )
    response.assertSessionMissing('auth_web')

    const page = await client.get(CHALLENGE).redirects(0)
    page.assertStatus(302)
    page.assertHeader('location', '/login')
  })

  test('a recovery code signs in once, then no more', async ({ assert }) => {
    const user = await createUser('manager')
    const { recoveryCodes } = await enableTwoFactor(user)
    assert.lengthOf(recoveryCodes, 10)
    const [code] = recoveryCodes
    const first = await passwordTyped(user)
    assert.equal(await locationOf(typeCode(first.visitor, code.toUpperCase())), '/')
    await user.refresh()
    assert.equal(user.recoveryCodesLeft, 9)
    const used = await AuditEvent.query()
      .where('action', 'user.recovery_code_used')
      .where('subject_id', user.id)
    assert.lengthOf(used, 1)

    const second = await passwordTyped(user)
    assert.equal(await locationOf(typeCode(second.visitor, code)), CHALLENGE)
    assert.equal(await home(second.visitor), '/login')
  })

  test('after 5 wrong codes even the right one is refused, until the throttle lets go', async ({
    assert,
  }) => {
    const user = await createUser('manager')
    const { secret } = await enableTwoFactor(user)
    const { visitor } = await passwordTyped(user)
    for (let i = 0; i < 5; i++) await typeCode(visitor, '000000')
    const blocked = await typeCode(visitor, await codeFor(secret, 1))
    assert.equal(blocked.location, CHALLENGE)
    assert.include(
      await messageOn(visitor, CHALLENGE),
      'Trop de tentatives de connexion échouées. Réessayez dans 15\u00a0minutes.'.replace(
        '\u00a0',
        ' '
      )
    )
    // A right password typed again does not start the count over.
    const again = await passwordTyped(user)
    assert.equal(await locationOf(typeCode(again.visitor, await codeFor(secret, 1))), CHALLENGE)
    assert.equal(await home(again.visitor), '/login')
  })
})

test.group('Two-factor enrolment and its changes', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('enrolment shows a QR code and the manual key; a first right code turns it on and shows the recovery codes once', async ({
    client,
    assert,
  }) => {
    const user = await createUser('tenant')
    const page = await client.get('/account/two-factor/create').loginAs(user)
    page.assertStatus(200)
    assert.match(page.text(), /<svg[^>]*>/)
    await user.refresh()
    const secret = (await user.pendingTwoFactorSecret())!
    assert.include(visibleText(page.text()), secret.match(/.{1,4}/g)!.join(' '))
    assert.notInclude(user.twoFactorSecret!, secret, 'the secret is kept encrypted')

    const wrong = await client
      .post('/account/two-factor')
      .form({ code: '000000' })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    wrong.assertFlashMessage(
      'error',
      "Code incorrect ou déjà utilisé. Saisissez le code actuellement affiché par l'application, ou un code de secours."
    )
    await user.refresh()
    assert.isFalse(user.hasTwoFactor)

    const right = await client
      .post('/account/two-factor')
      .form({ code: await codeFor(secret) })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    right.assertHeader('location', '/account/two-factor')
    const codes = right.flashMessages().recoveryCodes as string[]
    assert.lengthOf(codes, 10)
    for (const code of codes) assert.match(code, /^[a-z2-9]{4}-[a-z2-9]{4}$/)
    await user.refresh()
    assert.isTrue(user.hasTwoFactor)
    for (const code of codes) assert.notInclude(user.twoFactorRecoveryCodes!, code)

    const shown = await client
      .get('/account/two-factor')
      .withFlashMessages({ recoveryCodes: codes })
      .loginAs(user)
    assert.include(shown.text(), codes[0])
    const later = await client.get('/account/two-factor').loginAs(user)
    assert.notInclude(later.text(), codes[0])
    const enrolAgain = await client.get('/account/two-factor/create').loginAs(user).redirects(0)
    enrolAgain.assertHeader('location', '/account/two-factor')
  })

  test('turning it off needs the password or a current code', async ({ client, assert }) => {
    const user = await createUser('official')
    const { secret } = await enableTwoFactor(user)
    const off = (password: string) =>
      client
        .delete('/account/two-factor')
        .form({ password })
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
    const refused = await off('pas-le-bon-mot-de-passe')
    refused.assertFlashMessage('error', 'Mot de passe ou code incorrect.')
    await user.refresh()
    assert.isTrue(user.hasTwoFactor)

    const done = await off(await codeFor(secret, 1))
    done.assertFlashMessage('success', 'La double authentification est désactivée.')
    await user.refresh()
    assert.isFalse(user.hasTwoFactor)
    assert.isNull(user.twoFactorSecret)
    const event = await AuditEvent.query()
      .where('action', 'user.two_factor_disabled')
      .where('subject_id', user.id)
      .firstOrFail()
    assert.equal(event.userId, user.id)
  })

  test('new recovery codes replace the former ones', async ({ client, assert }) => {
    const user = await createUser('manager')
    const { recoveryCodes } = await enableTwoFactor(user)
    const response = await client
      .post('/account/two-factor/recovery-codes')
      .form({ confirmation: PASSWORD })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    const fresh = response.flashMessages().recoveryCodes as string[]
    assert.lengthOf(fresh, 10)
    await user.refresh()
    assert.isFalse(await user.verifySecondFactor(recoveryCodes[0]))
    assert.isTrue(await user.verifySecondFactor(fresh[0]))
  })

  test("a manager resets another person's second factor, recorded; never their own", async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const tenant = await createUser('tenant')
    await enableTwoFactor(tenant)
    await enableTwoFactor(manager)

    const edit = await client.get(`/users/${tenant.id}/edit`).loginAs(manager)
    assert.include(visibleText(edit.text()), 'Réinitialiser la double authentification')
    const reset = await client
      .delete(`/users/${tenant.id}/two-factor`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    reset.assertHeader('location', `/users/${tenant.id}/edit`)
    await tenant.refresh()
    assert.isFalse(tenant.hasTwoFactor)
    const event = await AuditEvent.query()
      .where('action', 'user.two_factor_reset')
      .where('subject_id', tenant.id)
      .firstOrFail()
    assert.equal(event.userId, manager.id)
    const history = await client.get(`/users/${tenant.id}/edit`).loginAs(manager)
    assert.include(
      visibleText(history.text()),
      'Double authentification réinitialisée par un gestionnaire'
    )

    const own = await client
      .delete(`/users/${manager.id}/two-factor`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    own.assertStatus(403)
    await manager.refresh()
    assert.isTrue(manager.hasTwoFactor)
    const ownPage = await client.get(`/users/${manager.id}/edit`).loginAs(manager)
    assert.notInclude(visibleText(ownPage.text()), 'Réinitialiser la double authentification')
  })

  test('when the setting requires it, a manager without a second factor enrols before any other page', async ({
    client,
    assert,
  }) => {
    await createBuilding()
    const manager = await createUser('manager')
    const tenant = await createUser('tenant')
    const before = await client.get('/companies').loginAs(manager).redirects(0)
    before.assertStatus(200)

    await Setting.change({ managers_two_factor_required: 1 })
    for (const path of ['/', '/companies', '/settings/edit', '/account/password/edit']) {
      const sent = await client.get(path).loginAs(manager).redirects(0)
      sent.assertStatus(302)
      sent.assertHeader('location', '/account/two-factor/create')
    }
    const enrol = await client.get('/account/two-factor/create').loginAs(manager)
    enrol.assertStatus(200)
    assert.include(visibleText(enrol.text()), 'Activer la double authentification')
    // Optional for the others.
    const tenantHome = await client.get('/').loginAs(tenant).redirects(0)
    tenantHome.assertStatus(200)

    await enableTwoFactor(manager)
    const after = await client.get('/companies').loginAs(manager).redirects(0)
    after.assertStatus(200)
  })

  test('the setting is off by default outside production, and saved from the settings page', async ({
    client,
    assert,
  }) => {
    assert.isFalse(await Setting.managersTwoFactorRequired())
    const manager = await createUser('manager')
    await enableTwoFactor(manager)
    const response = await client
      .put('/settings')
      .form({
        ...billingSettingsForm,
        maxStayMonths: '48',
        bookingQuotaHours: '8',
        managersTwoFactor: 'true',
      })
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', 'Les réglages sont enregistrés.')
    assert.isTrue(await Setting.managersTwoFactorRequired())
    const page = await client.get('/settings/edit').loginAs(manager)
    assert.include(
      visibleText(page.text()),
      'Double authentification obligatoire pour les gestionnaires'
    )
  })
})
