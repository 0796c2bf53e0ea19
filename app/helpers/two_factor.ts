import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
// otplib: a maintained RFC 6238 implementation (constant-time comparison, base32 secrets,
// otpauth URIs) that every authenticator app reads; qrcode: draws that URI as an SVG on the
// server, so that enrolment needs no script in the browser.
import { generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'
import encryption from '@adonisjs/core/services/encryption'
import env from '#start/env'
import type { Session } from '@adonisjs/session'

/**
 * Two-factor sign-in with time-based codes (TOTP, RFC 6238): the secret, its QR code and
 * manual key, the check of a code (and of the time step it belongs to), and recovery codes.
 */

/** A code's time step, in seconds (every authenticator app's default). */
export const TOTP_PERIOD = 30

/** How many recovery codes an account holds at a time. */
export const RECOVERY_CODE_COUNT = 10

/** Letters and digits no one mistakes for another (no i, l, o, 0, 1). */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** A new secret (160 random bits, base32, as authenticator apps take it). */
export function newTwoFactorSecret() {
  return generateSecret()
}

/** The secret as the database keeps it: encrypted with the app's key. */
export function sealSecret(secret: string) {
  return encryption.encrypt(secret)
}

/** The secret the database keeps, decrypted (null if it cannot be read). */
export function openSecret(sealed: string | null) {
  return sealed ? encryption.decrypt<string>(sealed) : null
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, label: string) {
  return generateURI({ issuer: 'Pépinière', label, secret })
}

/** The QR code of the otpauth address, as an inline SVG. */
export function qrCodeSvg(uri: string) {
  return QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
}

/** The manual key, by groups of four characters ("ABCD EFGH …"). */
export function groupedKey(secret: string) {
  return secret.match(/.{1,4}/g)!.join(' ')
}

/** A code as typed, without its spaces: six digits, else something else (a recovery code). */
export function totpCodeOf(input: string) {
  const code = input.replace(/[\s\u00a0\u202f-]/g, '')
  return /^\d{6}$/.test(code) ? code : null
}

/**
 * The time step at which a six-digit code is right for the secret, one step of clock drift
 * either way, and later than the last one accepted (a code is accepted once); else null.
 */
export async function acceptedStep(
  secret: string,
  code: string,
  lastStep: number | null,
  now = Date.now()
) {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now / 1000),
    epochTolerance: TOTP_PERIOD,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  })
  return result.valid && 'timeStep' in result ? result.timeStep : null
}

/** Ten new recovery codes, as shown once ("ab12-cd34"): about 40 random bits each. */
export function newRecoveryCodes() {
  const part = () =>
    Array.from({ length: 4 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('')
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => `${part()}-${part()}`)
}

/**
 * A recovery code as kept: an HMAC-SHA-256 keyed with the app's key. The codes are random
 * (no dictionary to try), so a slow password hash would only make each sign-in check ten
 * of them slowly; the key means that the database alone does not let anyone test guesses.
 */
export function hashRecoveryCode(code: string) {
  const normalized = code.toLowerCase().replace(/[^a-z0-9]/g, '')
  return createHmac('sha256', env.get('APP_KEY').release()).update(normalized).digest('hex')
}

/** The index of the kept hash the code matches (compared in constant time), or -1. */
export function matchingRecoveryCode(code: string, hashes: string[]) {
  const candidate = Buffer.from(hashRecoveryCode(code), 'hex')
  let found = -1
  hashes.forEach((kept, index) => {
    const buffer = Buffer.from(kept, 'hex')
    if (buffer.length === candidate.length && timingSafeEqual(buffer, candidate)) found = index
  })
  return found
}

/** How long the second step of a sign-in waits for its code after the password. */
export const CHALLENGE_LIFETIME_MS = 5 * 60_000

/** A sign-in whose password was right, waiting for its second factor (in the session). */
export type Challenge = { userId: number; expiresAt: number }

/** Notes in the session that the account's password was right: its code is asked next. */
export function startChallenge(session: Session, userId: number, now = Date.now()) {
  session.put('twoFactorChallenge', { userId, expiresAt: now + CHALLENGE_LIFETIME_MS })
}

/** The sign-in waiting for its code, unless there is none or it has expired. */
export function pendingChallenge(session: Session, now = Date.now()): Challenge | null {
  const challenge = session.get('twoFactorChallenge') as Partial<Challenge> | undefined
  if (typeof challenge?.userId !== 'number' || typeof challenge.expiresAt !== 'number') return null
  return challenge.expiresAt > now ? (challenge as Challenge) : null
}
