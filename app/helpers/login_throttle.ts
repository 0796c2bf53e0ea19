import limiter from '@adonisjs/limiter/services/main'
import type User from '#models/user'
import { DomainError } from '#exceptions/domain_error'

/**
 * The throttle of sign-ins, one for passwords and second factors alike: failures allowed
 * per account (its email and client address for a password, the account for a code),
 * then refused for 15 minutes; and per client address across every account.
 */

/** Failed attempts allowed per key, then refused for 15 minutes. */
export const perAccount = () =>
  limiter.use({ requests: 5, duration: '15 mins', blockDuration: '15 mins' })

/** Failed attempts allowed per client address across every email (password spraying). */
export const perClient = () => limiter.use({ requests: 30, duration: '15 mins' })

/** The key of a client address's failures. */
export const clientKey = (ip: string) => `login-client:${ip}`

/** The minutes to wait, as the message tells them (at least one). */
export const minutesToWait = (seconds: number) => Math.max(1, Math.ceil(seconds / 60))

class WrongSecret extends Error {}

/**
 * Checks a secret (a password, a code) under the throttle: "ok"; "wrong" (counted against
 * the key and the client address); or, once either has failed too often, the seconds to
 * wait (nothing is checked then).
 */
export async function throttledCheck(
  key: string,
  ip: string,
  check: () => Promise<boolean>
): Promise<'ok' | 'wrong' | { waitSeconds: number }> {
  const clients = perClient()
  const client = clientKey(ip)
  if (await clients.isBlocked(client)) return { waitSeconds: await clients.availableIn(client) }
  const [throttled] = await perAccount()
    .penalize(key, async () => {
      if (await check()) return true
      await clients.increment(client)
      throw new WrongSecret()
    })
    .catch((error) => {
      if (error instanceof WrongSecret) return ['wrong'] as const
      throw error
    })
  if (throttled === 'wrong') return 'wrong'
  if (throttled) return { waitSeconds: throttled.response.availableIn }
  return 'ok'
}

/**
 * Refuses a change of one's second factor unless the password or a current code proves
 * it is the person (throttled as sign-ins are: a session left open is not enough).
 */
export async function confirmIdentity(user: User, input: string, ip: string, field = 'password') {
  const outcome = await throttledCheck(`login-code:${user.id}`, ip, () => user.confirmsWith(input))
  if (outcome === 'wrong') throw new DomainError('two_factor.errors.wrong_confirmation', field)
  if (outcome !== 'ok') {
    throw new DomainError('auth.throttled', field, {
      minutes: minutesToWait(outcome.waitSeconds),
    })
  }
}
