import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import { createUser } from '#tests/support/fixtures'

/** What the app answers to a form whose CSRF token is missing or wrong (errors.E_BAD_CSRF_TOKEN). */
const EXPIRED_FORM =
  'Le formulaire a expiré\u00a0: rechargez la page et envoyez-le de nouveau. Ce que vous aviez saisi a été gardé.'

test.group('CSRF protection', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  for (const [label, token] of [
    ['without the CSRF token', {}],
    ['with a wrong CSRF token', { _csrf: 'not-the-session-token' }],
  ] as const) {
    test(`a form post ${label} goes back to its form with a French message, and changes nothing`, async ({
      client,
      assert,
    }) => {
      const manager = await createUser('manager')
      const before = await User.query().count('* as total')
      const response = await client
        .post('/users')
        .loginAs(manager)
        .header('referer', '/users/create')
        .form({
          fullName: 'Intrus',
          email: 'intrus@example.test',
          role: 'manager',
          password: 'a-long-enough-password',
          ...token,
        })
        .redirects(0)

      response.assertStatus(302)
      response.assertHeader('location', '/users/create')
      response.assertFlashMessage('error', EXPIRED_FORM)
      assert.isNull(await User.findBy('email', 'intrus@example.test'))
      const after = await User.query().count('* as total')
      assert.equal(Number(after[0].$extras.total), Number(before[0].$extras.total))
    })
  }

  test('pages send protective headers', async ({ client, assert }) => {
    const response = await client.get('/login')
    response.assertHeader('x-frame-options', 'DENY')
    response.assertHeader('x-content-type-options', 'nosniff')
    assert.include(response.header('content-security-policy'), "default-src 'self'")
    assert.include(response.header('content-security-policy'), "frame-ancestors 'none'")
  })

  test('every answer says no referrer to other sites and no camera, microphone nor location', async ({
    client,
    assert,
  }) => {
    for (const path of ['/login', '/health', '/no-such-page', '/resources/css/app.css']) {
      const response = await client.get(path)
      response.assertHeader('referrer-policy', 'same-origin')
      const permissions = response.header('permissions-policy') ?? ''
      for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()']) {
        assert.include(permissions, feature, path)
      }
    }
  })
})
