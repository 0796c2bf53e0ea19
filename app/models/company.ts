import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { CompanySchema } from '#database/schema'
import { column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import Agreement from '#models/agreement'
import HeadcountDeclaration from '#models/headcount_declaration'
import { DomainError } from '#exceptions/domain_error'
import { today } from '#domain/periods'
import { LOCAL_ZONE } from '#domain/local_zone'

/** Where a company stands: applying, hosted, or gone (followed up for three years). */
export const COMPANY_STATUSES = ['candidate', 'hosted', 'alumni'] as const
export type CompanyStatus = (typeof COMPANY_STATUSES)[number]

/** Why a company left the incubator. */
export const EXIT_REASONS = ['graduated', 'moved_away', 'ceased_trading', 'other'] as const
export type ExitReason = (typeof EXIT_REASONS)[number]

/** Sectors the incubator reports on. */
export const SECTORS = [
  'software',
  'digital_services',
  'creative',
  'consulting',
  'industry',
  'energy_environment',
  'health',
  'commerce',
  'construction',
  'other',
] as const
export type Sector = (typeof SECTORS)[number]

/** French legal forms. */
export const LEGAL_FORMS = [
  'SAS',
  'SASU',
  'SARL',
  'EURL',
  'SA',
  'SCOP',
  'SCIC',
  'EI',
  'association',
  'other',
] as const

/** The fields a tenant may change on their own company. */
export const CONTACT_FIELDS = ['contactName', 'email', 'phone', 'website'] as const

/**
 * A business hosted by the incubator, or applying to be; identified by its SIRET.
 * Lifecycle: candidate → hosted (from the start of its first agreement) → alumni.
 */
export default class Company extends compose(CompanySchema, RevisesData) {
  /** SQLite and MySQL return booleans as 0/1. */
  @column({ consume: (value) => Boolean(value) })
  declare digital: boolean

  @column()
  declare status: CompanyStatus

  @column()
  declare sector: Sector

  @column()
  declare exitReason: ExitReason | null

  @hasMany(() => User)
  declare users: HasMany<typeof User>

  @hasMany(() => Agreement)
  declare agreements: HasMany<typeof Agreement>

  @hasMany(() => HeadcountDeclaration)
  declare declarations: HasMany<typeof HeadcountDeclaration>

  /**
   * Where the company stands on a day: signed but not yet arrived, it is still a
   * candidate; it is hosted from the start of its first agreement.
   */
  lifecycleOn(day: DateTime = today()): CompanyStatus {
    if (this.status === 'hosted' && this.enteredOn && this.enteredOn > day) return 'candidate'
    return this.status
  }

  /** Narrows a query to the companies at a stage of their lifecycle on a day (see lifecycleOn). */
  static inLifecycle = scope((query, status: CompanyStatus, day: DateTime = today()) => {
    const date = day.toISODate()!
    if (status === 'hosted') {
      query
        .where('status', 'hosted')
        .where((entered) => entered.whereNull('entered_on').orWhere('entered_on', '<=', date))
    } else if (status === 'candidate') {
      query.where((candidates) =>
        candidates
          .where('status', 'candidate')
          .orWhere((signed) => signed.where('status', 'hosted').where('entered_on', '>', date))
      )
    } else {
      query.where('status', status)
    }
  })

  /** Signs the company in: it is hosted from the start of its first agreement. */
  host() {
    if (this.status !== 'candidate') {
      throw new DomainError('companies.errors.not_candidate')
    }
    this.status = 'hosted'
  }

  /** Records the company's exit: it becomes an alumnus, followed up for three years. */
  recordExit(exitOn: DateTime, reason: ExitReason) {
    if (this.status !== 'hosted') {
      throw new DomainError('companies.errors.not_hosted')
    }
    if (exitOn > DateTime.now().plus({ years: 1 })) {
      throw new DomainError('companies.errors.exit_too_far', 'exitOn')
    }
    this.status = 'alumni'
    this.exitOn = exitOn.startOf('day')
    this.exitReason = reason
  }

  /** Whether the company is archived (kept with its history, out of the lists). */
  get isArchived() {
    return this.archivedAt !== null
  }

  /**
   * Archives a company instead of deleting it: its history stays. A hosted company
   * cannot be archived.
   */
  archive() {
    if (this.status === 'hosted') {
      throw new DomainError('companies.errors.archive_hosted')
    }
    this.archivedAt ??= DateTime.utc()
  }

  /** Brings an archived company back into the lists. */
  unarchive() {
    this.archivedAt = null
  }

  /**
   * Whether its people may book a meeting room for a day: not archived, and not gone by
   * then (a company that announced its exit books until its last day).
   */
  mayBookOn(day: DateTime) {
    if (this.isArchived) return false
    const date = day.setZone(LOCAL_ZONE).toISODate()!
    return !(this.status === 'alumni' && this.exitOn && this.exitOn.toISODate()! < date)
  }

  /** Refuses a booking by the company's people for a day it may not book (mayBookOn). */
  assertMayBookOn(day: DateTime) {
    if (!this.mayBookOn(day)) throw new DomainError('bookings.errors.company_gone', 'date')
  }

  /**
   * The companies to choose from in a manager's form, grouped by where they stand today:
   * hosted first, then candidates, then alumni, then (when asked) the archived ones.
   */
  static async choices(options: { archived: boolean }) {
    const companies = await this.query()
      .if(!options.archived, (query) => query.whereNull('archived_at'))
      .select('id', 'name', 'status', 'entered_on', 'archived_at')
      .orderBy('name')
    const groupOf = (company: Company) => (company.isArchived ? 'archived' : company.lifecycleOn())
    return (['hosted', 'candidate', 'alumni', 'archived'] as const)
      .map((group) => ({
        group,
        companies: companies.filter((company) => groupOf(company) === group),
      }))
      .filter((entry) => entry.companies.length)
  }

  /** The values worth recording in the audit trail. */
  auditAttributes() {
    return {
      name: this.name,
      siret: this.siret,
      legalForm: this.legalForm,
      nafCode: this.nafCode,
      sector: this.sector,
      digital: this.digital,
      foundedOn: this.foundedOn?.toISODate() ?? null,
      contactName: this.contactName,
      email: this.email,
      phone: this.phone,
      website: this.website,
      notes: this.notes,
      bookingQuotaMinutes: this.bookingQuotaMinutes,
      status: this.status,
      exitOn: this.exitOn?.toISODate() ?? null,
      exitReason: this.exitReason,
      enteredOn: this.enteredOn?.toISODate() ?? null,
      archived: this.isArchived,
    }
  }
}
