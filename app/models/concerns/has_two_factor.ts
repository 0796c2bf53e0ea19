import { DateTime } from 'luxon'
import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import type { BaseModel } from '@adonisjs/lucid/orm'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import type { Audited } from '#models/concerns/audited'
import { DomainError } from '#exceptions/domain_error'
import { lockedForUpdate } from '#helpers/locking'
import {
  acceptedStep,
  hashRecoveryCode,
  matchingRecoveryCode,
  newRecoveryCodes,
  newTwoFactorSecret,
  openSecret,
  sealSecret,
  totpCodeOf,
} from '#helpers/two_factor'

/** A model whose changes are audited (the Audited concern comes first). */
type AuditedModel = ReturnType<typeof Audited<NormalizeConstructor<typeof BaseModel>>>

/**
 * An account's two-factor sign-in (TOTP, app/helpers/two_factor.ts): its enrolment, the
 * check of a code or a recovery code at sign-in (each accepted once), the renewal of the
 * recovery codes, turning it off, a manager's reset. Each change is an audited change of
 * the account.
 */
export function HasTwoFactor<Model extends AuditedModel>(superclass: Model) {
  class UserWithTwoFactor extends superclass {
    declare password: string
    declare twoFactorSecret: string | null
    declare twoFactorEnabledAt: DateTime | null
    declare twoFactorLastStep: number | null
    declare twoFactorRecoveryCodes: string | null

    /** Whether the person signs in with a second factor (a code from an authenticator app). */
    get hasTwoFactor() {
      return Boolean(this.twoFactorEnabledAt)
    }

    /** How many unused recovery codes the account holds. */
    get recoveryCodesLeft() {
      return this.#recoveryHashes().length
    }

    /**
     * The secret being enrolled, drawn on the first visit of the enrolment page and kept
     * (encrypted) until a first code confirms it: not in force, nothing to record yet.
     */
    async pendingTwoFactorSecret() {
      if (this.hasTwoFactor) return null
      const pending = openSecret(this.twoFactorSecret)
      if (pending) return pending
      const secret = newTwoFactorSecret()
      this.twoFactorSecret = sealSecret(secret)
      await this.save()
      return secret
    }

    /**
     * Turns two-factor sign-in on once a first code from the pending secret is right (the
     * app reads the QR code as it should); gives the recovery codes, shown once.
     */
    async enableTwoFactor(code: string, trx?: TransactionClientContract) {
      return this.changeAs(
        'user.two_factor_enabled',
        async (user) => {
          if (user.hasTwoFactor) throw new DomainError('two_factor.errors.already_on', 'code')
          const secret = openSecret(user.twoFactorSecret)
          const totp = totpCodeOf(code)
          const step = secret && totp ? await acceptedStep(secret, totp, null) : null
          if (step === null) throw new DomainError('two_factor.errors.wrong_code', 'code')
          user.twoFactorEnabledAt = DateTime.utc()
          user.twoFactorLastStep = step
          return user.#newRecoveryCodes()
        },
        trx
      )
    }

    /**
     * Checks a second factor: a six-digit code of a time step later than the last one
     * accepted (the row locked: a code is accepted once, even sent twice at once), or an
     * unused recovery code, then used up (and recorded).
     */
    async verifySecondFactor(input: string) {
      if (!this.hasTwoFactor) return false
      const code = totpCodeOf(input)
      if (code) {
        return db.transaction(async (trx) => {
          const Self = this.constructor as unknown as typeof UserWithTwoFactor
          const row = await lockedForUpdate(
            Self.query({ client: trx }).where('id', this.id)
          ).first()
          const secret = row?.hasTwoFactor ? openSecret(row.twoFactorSecret) : null
          const step = secret ? await acceptedStep(secret, code, row!.twoFactorLastStep) : null
          if (step === null) return false
          row!.twoFactorLastStep = step
          await row!.save()
          this.twoFactorLastStep = step
          return true
        })
      }
      if (matchingRecoveryCode(input, this.#recoveryHashes()) < 0) return false
      return this.changeAs('user.recovery_code_used', (user) => {
        const hashes = user.#recoveryHashes()
        const index = matchingRecoveryCode(input, hashes)
        // Used up meanwhile (the same code sent twice at once): nothing changes.
        if (index < 0) throw new DomainError('two_factor.errors.wrong_code', 'code')
        hashes.splice(index, 1)
        user.twoFactorRecoveryCodes = JSON.stringify(hashes)
        return true
      }).catch((error) => {
        if (error instanceof DomainError) return false
        throw error
      })
    }

    /**
     * Whether the person proves it is them before changing their second factor: their
     * password, or a current code from their app (then accepted once, as at sign-in).
     */
    async confirmsWith(input: string) {
      if (totpCodeOf(input)) return this.verifySecondFactor(input)
      return hash.verify(this.password, input)
    }

    /** Ten new recovery codes (shown once); the former ones no longer work. */
    async renewRecoveryCodes(trx?: TransactionClientContract) {
      return this.changeAs(
        'user.recovery_codes_renewed',
        (user) => {
          if (!user.hasTwoFactor) throw new DomainError('two_factor.errors.off', 'confirmation')
          return user.#newRecoveryCodes()
        },
        trx
      )
    }

    /** The person turns two-factor sign-in off: the secret and recovery codes are dropped. */
    async disableTwoFactor(trx?: TransactionClientContract) {
      await this.changeAs('user.two_factor_disabled', (user) => user.#clearTwoFactor(), trx)
    }

    /**
     * A manager resets another person's second factor (a lost phone): the person signs in
     * with the password alone, and enrols again.
     */
    async resetTwoFactor(trx?: TransactionClientContract) {
      await this.changeAs('user.two_factor_reset', (user) => user.#clearTwoFactor(), trx)
    }

    #clearTwoFactor() {
      this.twoFactorSecret = null
      this.twoFactorEnabledAt = null
      this.twoFactorLastStep = null
      this.twoFactorRecoveryCodes = null
    }

    #newRecoveryCodes() {
      const codes = newRecoveryCodes()
      this.twoFactorRecoveryCodes = JSON.stringify(codes.map(hashRecoveryCode))
      return codes
    }

    #recoveryHashes(): string[] {
      return this.twoFactorRecoveryCodes ? JSON.parse(this.twoFactorRecoveryCodes) : []
    }
  }
  return UserWithTwoFactor
}
