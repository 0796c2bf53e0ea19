import { DateTime } from 'luxon'
import { randomBytes } from 'node:crypto'
import { RevisesData } from '#models/concerns/revises_data'
import { Audited } from '#models/concerns/audited'
import DataRevision from '#models/data_revision'
import { UserSchema } from '#database/schema'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Company from '#models/company'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#exceptions/domain_error'
import { currentActor } from '#models/audit_event'
import { lockedForUpdate } from '#helpers/locking'
import { HasTwoFactor } from '#models/concerns/has_two_factor'
import AccountToken, { LinkError, tokenHash } from '#models/account_token'
import AccountNotification from '#mails/account_notification'
import Invitation from '#models/invitation'
import { isDuplicate } from '#helpers/database_errors'

/** The three kinds of people who use the back office. */
export const ROLES = ['manager', 'tenant', 'official'] as const
export type Role = (typeof ROLES)[number]

/** A calendar feed's secret: 256 random bits. */
function newCalendarToken() {
  return randomBytes(32).toString('hex')
}

/** Languages the UI speaks; French first. */
export const LOCALES = ['fr', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/**
 * A person who logs in: a manager, a tenant (attached to exactly one company)
 * or an elected official.
 */
export default class User extends compose(
  UserSchema,
  withAuthFinder(hash),
  RevisesData,
  Audited,
  HasTwoFactor
) {
  @column()
  declare role: Role

  @column()
  declare locale: Locale

  @belongsTo(() => Company)
  declare company: BelongsTo<typeof Company>

  /** Managers run the incubator: they may reach every management page. */
  get isManager() {
    return this.role === 'manager'
  }

  /** Tenants act for their own company only. */
  get isTenant() {
    return this.role === 'tenant'
  }

  /** Officials follow aggregates, never personal or financial details. */
  get isOfficial() {
    return this.role === 'official'
  }

  /** Whether the account runs the incubator now: a manager, not disabled. */
  get isActiveManager() {
    return this.isManager && !this.isDisabled
  }

  /** The accounts that run the incubator now (isActiveManager). */
  static activeManagers = scope((query) => {
    query.where('role', 'manager').whereNull('disabled_at')
  })

  /**
   * Refuses a change that takes an active manager away (a new role, a disablement) when
   * no other active manager would remain: the active managers' rows are locked first, so
   * that two managers stepping down at once cannot both go.
   */
  static async assertAnotherActiveManager(leaving: User, trx: TransactionClientContract) {
    if (!leaving.isActiveManager) return
    const managers = await lockedForUpdate(
      User.query({ client: trx })
        .withScopes((scopes) => scopes.activeManagers())
        .select('id')
    )
    if (!managers.some((manager) => manager.id !== leaving.id)) {
      throw new DomainError('users.errors.last_manager', 'role')
    }
  }

  /** A disabled account cannot log in, and its open sessions stop working. */
  get isDisabled() {
    return Boolean(this.disabledAt)
  }

  /** Creates an account as a manager enters it, and records it. */
  static async register(
    values: {
      fullName: string
      email: string
      password: string
      role: Role
      companyId?: number | null
    },
    trx?: TransactionClientContract
  ) {
    return DataRevision.within(trx, async (client) => {
      const user = await this.create(
        {
          ...values,
          companyId: values.role === 'tenant' ? values.companyId : null,
          locale: 'fr',
          // Known at once, so that a login right after (an invitation accepted) is stamped with it.
          sessionGeneration: 0,
        },
        { client }
      )
      await user.recordCreation('user.created', client)
      return user
    })
  }

  /**
   * A manager's changes to the account. A new role or company changes what the person
   * may do and see: the account's open sessions end, to start again from a login. The
   * last active manager cannot take another role; a new address must be free (no pending
   * invitation waits for it either).
   */
  async updateAccount(
    values: { fullName: string; email: string; role: Role; companyId?: number | null },
    trx?: TransactionClientContract
  ) {
    await this.changeAs(
      'user.updated',
      async (user, client) => {
        if (values.role !== 'manager') await User.assertAnotherActiveManager(user, client)
        if (values.email !== user.email) await User.assertEmailFree(values.email, user.id, client)
        const before = { role: user.role, companyId: user.companyId }
        user.fullName = values.fullName
        user.email = values.email
        user.role = values.role
        user.companyId = values.role === 'tenant' ? (values.companyId ?? null) : null
        if (user.role !== before.role || user.companyId !== before.companyId) {
          user.#newSessionGeneration()
        }
      },
      trx
    )
  }

  /** Disables the account; its open sessions end. The last active manager stays. */
  async disable(trx?: TransactionClientContract) {
    await this.changeAs(
      'user.disabled',
      async (user, client) => {
        await User.assertAnotherActiveManager(user, client)
        user.disabledAt = DateTime.utc()
        user.#newSessionGeneration()
      },
      trx
    )
  }

  /** Re-enables a disabled account. */
  async enable(trx?: TransactionClientContract) {
    await this.changeAs(
      'user.enabled',
      (user) => {
        user.disabledAt = null
      },
      trx
    )
  }

  /** A new password: every open session ends (the one that changed it goes on, renewed). */
  async changePassword(
    password: string,
    trx?: TransactionClientContract,
    action: 'user.password_changed' | 'user.password_reset_by_link' = 'user.password_changed'
  ) {
    await this.changeAs(
      action,
      (user) => {
        user.password = password
        user.#newSessionGeneration()
      },
      trx,
      // A reset link proves who follows it: the change is the account holder's own.
      action === 'user.password_reset_by_link'
        ? { userId: this.id, ip: currentActor().ip }
        : currentActor()
    )
  }

  /**
   * Someone asked for a link to choose a new password: sent (valid 1 hour, the former
   * ones revoked) only when the address is an enabled account's, yet the same work is
   * done either way (a token made and hashed, the same lookups), so that neither the
   * answer nor its time tells whether the address has an account.
   */
  static async requestPasswordReset(email: string) {
    await DataRevision.within(undefined, async (client) => {
      const user = await this.query({ client }).where('email', email).first()
      if (!user || user.isDisabled) {
        tokenHash(randomBytes(32).toString('base64url'))
        await AccountToken.query({ client }).where('token_hash', '').first()
        return
      }
      const { token } = await AccountToken.issue(
        { purpose: 'password_reset', email: user.email, userId: user.id },
        client
      )
      await AccountNotification.send(client, {
        kind: 'password_reset',
        to: user.email,
        locale: user.locale,
        token,
      })
    })
  }

  /**
   * A new password through a forgotten-password link: the link used once, every open
   * session of the account ended, the change recorded, a notice sent to the account's
   * address. A disabled account's link does not work.
   */
  static async resetPassword(token: unknown, password: string) {
    return DataRevision.within(undefined, async (client) => {
      const link = await AccountToken.consume('password_reset', token, client)
      const user = await this.query({ client })
        .where('id', link.userId ?? 0)
        .first()
      if (!user || user.isDisabled || user.email !== link.email) throw new LinkError('revoked')
      await user.changePassword(password, client, 'user.password_reset_by_link')
      await AccountNotification.send(client, {
        kind: 'password_changed',
        to: user.email,
        locale: user.locale,
      })
      return user
    })
  }

  /**
   * Refuses an address that another account holds, or that a pending invitation waits
   * for (next to the field): it would then name two people.
   */
  static async assertEmailFree(email: string, userId: number, client: TransactionClientContract) {
    const holder = await this.query({ client }).where('email', email).first()
    if (holder && holder.id !== userId) {
      throw new DomainError('email_changes.errors.taken', 'email')
    }
    if (await Invitation.pendingFor(email, client)) {
      throw new DomainError('email_changes.errors.invited', 'email')
    }
  }

  /**
   * The person asks to change their address (their password checked by the caller): a
   * link valid 24 hours goes to the new address (a former pending one revoked), a notice
   * to the current one; nothing changes until the link is followed.
   */
  async requestEmailChange(newEmail: string, trx?: TransactionClientContract) {
    const email = newEmail.trim().toLowerCase()
    await DataRevision.within(trx, async (client) => {
      if (email === this.email) throw new DomainError('email_changes.errors.same', 'email')
      await User.assertEmailFree(email, this.id, client)
      const { token } = await AccountToken.issue(
        { purpose: 'email_change', email, userId: this.id, createdById: this.id },
        client
      )
      const notice = { locale: this.locale, email }
      await AccountNotification.send(client, { kind: 'email_change', to: email, token, ...notice })
      await AccountNotification.send(client, {
        kind: 'email_change_requested',
        to: this.email,
        ...notice,
      })
    })
  }

  /**
   * The link of an email change, followed (signed in or not: it proves the person reads
   * the new mailbox): used once; the address changed under the row's lock once it is
   * still free (a unique key lost meanwhile says so too), the change recorded, every open
   * session ended as for a new password (the sign-in changed), a notice sent to the
   * former address. A disabled account's link does not work.
   */
  static async confirmEmailChange(token: unknown) {
    return DataRevision.within(undefined, async (client) => {
      const link = await AccountToken.consume('email_change', token, client)
      const user = await this.query({ client })
        .where('id', link.userId ?? 0)
        .first()
      if (!user || user.isDisabled) throw new LinkError('revoked')
      const former = user.email
      await user
        .changeAs(
          'user.email_changed',
          async (row) => {
            await User.assertEmailFree(link.email, row.id, client)
            row.email = link.email
            row.#newSessionGeneration()
          },
          client,
          // The person who asked, whoever's browser follows the link.
          { userId: user.id, ip: currentActor().ip }
        )
        .catch((error) => {
          if (isDuplicate(error)) throw new DomainError('email_changes.errors.taken', 'email')
          throw error
        })
      await AccountNotification.send(client, {
        kind: 'email_changed',
        to: former,
        locale: user.locale,
        email: user.email,
      })
      return user
    })
  }

  /** Ends every open session of the account (the one that asked goes on, renewed). */
  async endSessions(trx?: TransactionClientContract) {
    await this.changeAs('user.other_sessions_ended', (user) => user.#newSessionGeneration(), trx)
  }

  /** A new secret address for the person's calendar feeds: the former one stops working. */
  async renewCalendarToken(trx?: TransactionClientContract) {
    await this.changeAs(
      'user.calendar_token_renewed',
      (user) => {
        user.calendarToken = newCalendarToken()
      },
      trx
    )
  }

  /** The secret of the person's calendar feeds, made the first time it is asked for. */
  async calendarTokenOrNew() {
    if (!this.calendarToken) {
      this.calendarToken = newCalendarToken()
      await this.save()
    }
    return this.calendarToken
  }

  /**
   * Every open session carries the generation it was opened in
   * (app/helpers/account_sessions.ts), and is refused once the account has a newer one.
   */
  #newSessionGeneration() {
    this.sessionGeneration = (this.sessionGeneration ?? 0) + 1
  }

  /** The values worth recording in the audit trail (never the password hash). */
  auditAttributes() {
    return {
      fullName: this.fullName,
      email: this.email,
      role: this.role,
      companyId: this.companyId,
      locale: this.locale,
      disabledAt: this.disabledAt?.toISO() ?? null,
    }
  }
}
