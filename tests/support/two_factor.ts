import { generate } from 'otplib'
import type User from '#models/user'
import { TOTP_PERIOD } from '#helpers/two_factor'

/** The code an authenticator app shows for the secret, steps periods from now. */
export function codeFor(secret: string, steps = 0, now = Date.now()) {
  return generate({ secret, epoch: Math.floor(now / 1000) + steps * TOTP_PERIOD })
}

/**
 * Turns the account's second factor on as a person does (its first code, of the current
 * period, is then used: the next sign-in takes the next period's, codeFor(secret, 1)).
 */
export async function enableTwoFactor(user: User) {
  const secret = (await user.pendingTwoFactorSecret())!
  const recoveryCodes = await user.enableTwoFactor(await codeFor(secret))
  return { secret, recoveryCodes }
}
