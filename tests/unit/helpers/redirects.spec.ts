import { test } from '@japa/runner'
import { sameOriginPath } from '#helpers/redirects'
import { trustedProxies } from '#helpers/trusted_proxies'

test.group('Redirects back stay on the app', () => {
  const own = ['pepiniere.example:3333', 'localhost:3333']

  test('a page of the app is given back as a path, with its query', ({ assert }) => {
    assert.equal(
      sameOriginPath('http://localhost:3333/companies/3?page=2', own),
      '/companies/3?page=2'
    )
    assert.equal(sameOriginPath('https://pepiniere.example:3333/cells', own), '/cells')
    assert.equal(sameOriginPath('/bookings/create?room=2', own), '/bookings/create?room=2')
  })

  test('another site, or an address that browsers read as one, gives the fallback', ({
    assert,
  }) => {
    for (const referrer of [
      'http://evil.example/',
      'https://evil.example/login',
      '//evil.example/path',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      'data:text/html,x',
      'http://localhost:3333@evil.example/',
      'http://evil.example/?next=http://localhost:3333/',
      'not a url at all',
      '',
      `/${'a'.repeat(3000)}`,
    ]) {
      assert.equal(sameOriginPath(referrer, own, '/'), '/', referrer)
    }
    assert.equal(sameOriginPath(undefined, own, '/home'), '/home')
  })

  test('a path of the app that starts with two slashes is never protocol-relative', ({
    assert,
  }) => {
    assert.equal(sameOriginPath('http://localhost:3333//evil.example/x', own), '/evil.example/x')
    assert.equal(sameOriginPath('http://localhost:3333/\\/evil.example', own), '/evil.example')
  })
})

test.group('Trusted proxies', () => {
  test('nobody is trusted when none is named', ({ assert }) => {
    const trust = trustedProxies(undefined)
    assert.isFalse(trust('127.0.0.1', 0))
    assert.isFalse(trustedProxies('  , ')('10.0.0.1', 0))
  })

  test('addresses, CIDRs and named ranges are trusted, others not', ({ assert }) => {
    const trust = trustedProxies('10.0.0.0/8, 192.0.2.7 ,loopback')
    assert.isTrue(trust('10.20.30.40', 0))
    assert.isTrue(trust('192.0.2.7', 0))
    assert.isTrue(trust('127.0.0.1', 0))
    assert.isFalse(trust('192.0.2.8', 0))
    assert.isFalse(trust('203.0.113.5', 0))
  })

  test('a setting that is not an address fails at boot', ({ assert }) => {
    assert.throws(() => trustedProxies('10.0.0.0/8, not-an-address'))
  })
})
