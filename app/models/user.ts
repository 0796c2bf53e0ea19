import { DateTime } from 'luxon'
import { RevisesData } from '#models/concerns/revises_data'
import { UserSchema } from '#database/schema'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Company from '#models/company'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#exceptions/domain_error'
import { lockedForUpdate } from '#helpers/locking'

/** The three kinds of people who use the back office. */
export const ROLES = ['manager', 'tenant', 'official'] as const
export type Role = (typeof ROLES)[number]

/** Languages the UI speaks; French first. */
export const LOCALES = ['fr', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/**
 * A person who logs in: a manager, a tenant (attached to exactly one company)
 * or an elected official.
 */
export default class User extends compose(UserSchema, withAuthFinder(hash), RevisesData) {
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
    return this.disabledAt !== null
  }

  /**
   * Ends every open session of the account: each carries the generation it was opened in
   * (app/helpers/account_sessions.ts), and is refused once the account has a newer one.
   */
  endSessions() {
    this.sessionGeneration = (this.sessionGeneration ?? 0) + 1
  }

  /** Disables the account; its open sessions end. */
  disable() {
    this.disabledAt = DateTime.utc()
    this.endSessions()
  }

  /** A new password: every open session ends (the one that changed it goes on, renewed). */
  changePassword(password: string) {
    this.password = password
    this.endSessions()
  }

  /**
   * A manager's changes to the account. A new role or company changes what the person
   * may do and see: the account's open sessions end, to start again from a login.
   */
  updateAccount(values: {
    fullName: string
    email: string
    role: Role
    companyId: number | null | undefined
  }) {
    const before = { role: this.role, companyId: this.companyId }
    this.fullName = values.fullName
    this.email = values.email
    this.role = values.role
    this.companyId = values.companyId ?? null
    if (this.role !== before.role || this.companyId !== before.companyId) this.endSessions()
  }

  /** Re-enables a disabled account. */
  enable() {
    this.disabledAt = null
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
