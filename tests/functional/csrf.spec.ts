import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import { createUser } from '#tests/support/fixtures'

test.group('CSRF protection', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a form post without the CSRF token is rejected and changes nothing', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const response = await client
      .post('/users')
      .loginAs(manager)
      .form({
        fullName: 'Intrus',
        email: 'intrus@example.test',
        role: 'manager',
        password: 'a-long-enough-password',
      })
      .redirects(0)

    assert.notEqual(response.status(), 200)
    assert.isNull(await User.findBy('email', 'intrus@example.test'))
  })

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
