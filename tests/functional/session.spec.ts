import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import { createBuilding, createUser, PASSWORD } from '#tests/support/fixtures'

/** The one answer to a wrong password, an unknown email or a disabled account. */
const WRONG_CREDENTIALS =
  'Adresse e-mail ou mot de passe incorrect. Si votre compte a été désactivé, contactez un gestionnaire de la pépinière.'

test.group('Logging in and out', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('the login page is in French', async ({ client }) => {
    const response = await client.get('/login')
    response.assertStatus(200)
    response.assertTextIncludes('Connexion')
    response.assertTextIncludes('Adresse e-mail')
  })

  test('a user logs in with the right password and lands on the home page', async ({ client }) => {
    await createBuilding()
    const user = await createUser('manager')
    const response = await client
      .post('/login')
      .form({ email: user.email, password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/')

    const home = await client.get('/').loginAs(user)
    home.assertStatus(200)
    home.assertTextIncludes('Plan et échéances')
  })

  test('a wrong password is refused with a French message and the email kept', async ({
    client,
  }) => {
    const user = await createUser('tenant')
    const response = await client
      .post('/login')
      .form({ email: user.email, password: 'wrong-password' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertFlashMessage('error', WRONG_CREDENTIALS)
    response.assertFlashMessage('email', user.email)
    response.assertFlashMissing('password')
  })

  test('after 5 failures in 15 minutes, even the right password is refused', async ({
    client,
    assert,
  }) => {
    const user = await createUser('manager')
    const attempt = (password: string) =>
      client.post('/login').form({ email: user.email, password }).withCsrfToken().redirects(0)

    for (let i = 0; i < 5; i++) {
      const failure = await attempt('wrong-password')
      failure.assertFlashMessage('error', WRONG_CREDENTIALS)
    }
    const blocked = await attempt(PASSWORD)
    blocked.assertStatus(302)
    assert.match(
      String(blocked.flashMessages().error),
      /^Trop de tentatives de connexion échouées\. Réessayez dans 15 minutes\.$/
    )
    blocked.assertHeader('location', '/login')
  })

  test('failures for one email do not block another', async ({ client }) => {
    const victim = await createUser('manager')
    const other = await createUser('manager')
    for (let i = 0; i < 5; i++) {
      await client
        .post('/login')
        .form({ email: victim.email, password: 'wrong-password' })
        .withCsrfToken()
        .redirects(0)
    }
    const response = await client
      .post('/login')
      .form({ email: other.email, password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/')
  })

  test('a disabled account gets the same answer whether its password is right or wrong', async ({
    client,
    assert,
  }) => {
    const user = await createUser('tenant', { disabledAt: DateTime.utc() })
    const answers = []
    for (const password of [PASSWORD, 'wrong-password']) {
      const response = await client
        .post('/login')
        .form({ email: user.email, password })
        .withCsrfToken()
        .redirects(0)
      response.assertHeader('location', '/login')
      response.assertSessionMissing('auth_web')
      answers.push(response.flashMessage('error'))
    }
    assert.deepEqual(answers, [WRONG_CREDENTIALS, WRONG_CREDENTIALS])
  })

  test('an open session stops working once the account is disabled', async ({ client }) => {
    await createBuilding()
    const user = await createUser('official')
    const before = await client.get('/').loginAs(user)
    before.assertStatus(200)

    await user.disable()

    const after = await client.get('/').loginAs(user).redirects(0)
    after.assertStatus(302)
    after.assertHeader('location', '/login')
    after.assertFlashMessage(
      'error',
      'Ce compte est désactivé. Contactez un gestionnaire de la pépinière.'
    )
  })

  test('logging out ends the session', async ({ client }) => {
    const user = await createUser('manager')
    const response = await client.delete('/logout').loginAs(user).withCsrfToken().redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
    response.assertFlashMessage('success', 'Vous êtes déconnecté.')
  })

  test('a logged-in user going to the login page is sent home', async ({ client }) => {
    const user = await createUser('manager')
    const response = await client.get('/login').loginAs(user).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/')
  })
})
