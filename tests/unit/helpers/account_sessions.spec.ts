import { test } from '@japa/runner'
import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'
import { describeAgent, sessionProblem, type SignIn } from '#helpers/account_sessions'

/** A request whose session holds a login (or none). */
function requestWith(signIn: SignIn | undefined) {
  const values = new Map<string, unknown>(signIn ? [['signIn', signIn]] : [])
  const ctx = {
    session: {
      get: (key: string) => values.get(key),
      put: (key: string, v: unknown) => values.set(key, v),
    },
  }
  return { ctx: ctx as unknown as HttpContext, values }
}

const HOUR = 3_600_000
const login = (at: number, generation = 0): SignIn => ({
  at,
  generation,
  ip: '127.0.0.1',
  agent: '',
  seenAt: at,
})
const account = (sessionGeneration: number) => ({ sessionGeneration }) as User

test.group('Account sessions', () => {
  test('a login lasts 12 hours, however active the session', ({ assert }) => {
    const now = Date.UTC(2026, 11, 3, 20)
    assert.isNull(sessionProblem(requestWith(login(now - 11.9 * HOUR)).ctx, account(0), now))
    assert.equal(
      sessionProblem(requestWith(login(now - 12.1 * HOUR)).ctx, account(0), now),
      'expired'
    )
  })

  test('a session of an older generation of the account is ended', ({ assert }) => {
    const now = Date.now()
    assert.equal(sessionProblem(requestWith(login(now, 2)).ctx, account(3), now), 'ended')
    assert.isNull(sessionProblem(requestWith(login(now, 3)).ctx, account(3), now))
  })

  test('the last activity is written down every five minutes, not at each request', ({
    assert,
  }) => {
    const now = Date.now()
    const recent = requestWith(login(now - 2 * 60_000))
    sessionProblem(recent.ctx, account(0), now)
    assert.equal((recent.values.get('signIn') as SignIn).seenAt, now - 2 * 60_000)
    const older = requestWith(login(now - 6 * 60_000))
    sessionProblem(older.ctx, account(0), now)
    assert.equal((older.values.get('signIn') as SignIn).seenAt, now)
  })

  test('browsers and systems are named from their User-Agent', ({ assert }) => {
    for (const [agent, browser, system] of [
      [
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
        'Edge',
        'Windows',
      ],
      [
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
        'Safari',
        'macOS',
      ],
      [
        'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
        'Firefox',
        'Linux',
      ],
      [
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
        'Chrome',
        'Android',
      ],
      ['curl/8.5.0', null, null],
    ] as const) {
      assert.deepEqual(describeAgent(agent), { browser, system }, agent)
    }
  })
})
