import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import AuditEvent from '#models/audit_event'
import { createBuilding, createUser, PASSWORD } from '#tests/support/fixtures'

/**
 * Without TRUSTED_PROXIES, no forwarded header is believed: a client cannot choose the
 * address the login throttle counts or the history records, nor the host redirects are
 * checked against.
 */
test.group('Forwarded headers from an untrusted client', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => limiter.clear())

  test('a new X-Forwarded-For at each try gives no new login attempts', async ({ client }) => {
    const user = await createUser('manager')
    for (let i = 0; i < 5; i++) {
      await client
        .post('/login')
        .header('x-forwarded-for', `203.0.113.${i + 1}`)
        .header('forwarded', `for=198.51.100.${i + 1}`)
        .header('x-real-ip', `198.51.100.${i + 1}`)
        .form({ email: user.email, password: 'wrong-password' })
        .withCsrfToken()
        .redirects(0)
    }
    const blocked = await client
      .post('/login')
      .header('x-forwarded-for', '203.0.113.99')
      .form({ email: user.email, password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    blocked.assertHeader('location', '/login')
    blocked.assertSessionMissing('auth_web')
  })

  test('one client trying many emails is stopped after 30 failures', async ({ client }) => {
    const user = await createUser('manager')
    for (let i = 0; i < 30; i++) {
      await client
        .post('/login')
        .form({ email: `nobody${i}@example.test`, password: 'wrong-password' })
        .withCsrfToken()
        .redirects(0)
    }
    const blocked = await client
      .post('/login')
      .form({ email: user.email, password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    blocked.assertSessionMissing('auth_web')
    blocked.assertFlashMessage(
      'error',
      'Trop de tentatives de connexion échouées. Réessayez dans 15 minutes.'
    )
  })

  test('the history records the peer address, not a forwarded one', async ({ client, assert }) => {
    const user = await createUser('official')
    await client
      .put('/locale')
      .loginAs(user)
      .header('x-forwarded-for', '203.0.113.7')
      .form({ locale: 'en' })
      .withCsrfToken()
      .redirects(0)
    await client
      .put('/account/password')
      .loginAs(user)
      .header('x-forwarded-for', '203.0.113.7')
      .form({
        currentPassword: PASSWORD,
        password: 'a-brand-new-passphrase',
        passwordConfirmation: 'a-brand-new-passphrase',
      })
      .withCsrfToken()
      .redirects(0)
    const event = await AuditEvent.findByOrFail('action', 'user.password_changed')
    assert.notEqual(event.ip, '203.0.113.7')
    assert.match(event.ip ?? '', /^(::ffff:)?127\.0\.0\.1$|^::1$/)
  })

  test('the language switch never sends anyone to another site', async ({ client }) => {
    await createBuilding()
    const user = await createUser('manager')
    for (const [headers, location] of [
      [{ 'x-forwarded-host': 'evil.example', 'referer': 'http://evil.example/phish' }, '/'],
      [{ referer: 'https://evil.example/' }, '/'],
      [{ referer: '//evil.example/x' }, '/'],
      [
        { referer: `http://${process.env.HOST}:${process.env.PORT}//evil.example/x` },
        '/evil.example/x',
      ],
      [{ referer: `http://${process.env.HOST}:${process.env.PORT}/cells?page=2` }, '/cells'],
    ] as [Record<string, string>, string][]) {
      let request = client.put('/locale').loginAs(user)
      for (const [name, value] of Object.entries(headers)) request = request.header(name, value)
      const response = await request.form({ locale: 'fr' }).withCsrfToken().redirects(0)
      response.assertStatus(302)
      response.assertHeader('location', location)
    }
  })
})
