import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { Audited } from '#models/concerns/audited'
import { HasBookingQuota } from '#models/concerns/has_booking_quota'
import DataRevision from '#models/data_revision'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { CompanySchema } from '#database/schema'
import { column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import Agreement from '#models/agreement'
import Declaration from '#models/declaration'
import { lockedForUpdate } from '#helpers/locking'
import { DomainError } from '#exceptions/domain_error'
import { today } from '#domain/periods'
import { LOCAL_ZONE } from '#domain/local_zone'
import { sortByName } from '#helpers/collation'

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

/** A company's contact details (CONTACT_FIELDS), cleared ones as null. */
export type CompanyContact = {
  contactName: string | null
  email: string | null
  phone: string | null
  website: string | null
}

/** Where a company's invoices go: the buyer's address and email on every invoice. */
export type CompanyBillingDetails = {
  billingAddress: string | null
  billingPostcode: string | null
  billingCity: string | null
  billingCountryCode: string
  billingEmail: string | null
}

/** The profile a manager keeps: identity, sector, contact, notes, booking quota and billing details. */
export type CompanyProfile = CompanyContact &
  Partial<CompanyBillingDetails> & {
    name: string
    siret: string | null
    siren: string | null
    legalForm: string | null
    nafCode: string | null
    sector: Sector
    digital: boolean
    foundedOn: DateTime | null
    notes: string | null
    bookingQuotaMinutes: number | null
  }

/** A postal address kept as text, one line per line of text, as its lines (blank ones left out). */
export function addressLines(address: string | null | undefined) {
  return (address ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}

/**
 * A business hosted by the incubator, or applying to be; identified by its SIRET.
 * Lifecycle: candidate → hosted (from the start of its first agreement) → alumni.
 */
export default class Company extends compose(CompanySchema, RevisesData, Audited, HasBookingQuota) {
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

  @hasMany(() => Declaration)
  declare declarations: HasMany<typeof Declaration>

  /**
   * The day the company entered the incubator, counting an agreement that starts on a day
   * (its maximum stay and its rent's years run from it): its entry, or that day if earlier
   * or if it has not entered yet.
   */
  entryWith(startsOn: DateTime) {
    return this.enteredOn && this.enteredOn < startsOn ? this.enteredOn : startsOn
  }

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

  /**
   * The company read again in a transaction, its row locked: what its people do at once
   * (book its last hours of meeting room) happens one after the other.
   */
  static locked(id: number, trx: TransactionClientContract) {
    return lockedForUpdate(this.query({ client: trx }).where('id', id)).firstOrFail()
  }

  /** Admits a candidate company with its profile, and records it. */
  static async admit(profile: CompanyProfile, trx?: TransactionClientContract) {
    return DataRevision.within(trx, async (client) => {
      const company = await this.create({ ...profile, status: 'candidate' }, { client })
      await company.recordCreation('company.created', client)
      return company
    })
  }

  /** A manager's changes to the profile. */
  async updateProfile(profile: CompanyProfile, trx?: TransactionClientContract) {
    await this.changeAs('company.updated', (company: Company) => void company.merge(profile), trx)
  }

  /** The tenants' changes to the contact details (CONTACT_FIELDS). */
  async updateContact(contact: CompanyContact, trx?: TransactionClientContract) {
    await this.changeAs(
      'company.contact_updated',
      (company: Company) => void company.merge(contact),
      trx
    )
  }

  /** The billing details, kept by managers and by the company's own tenants. */
  async updateBillingDetails(details: CompanyBillingDetails, trx?: TransactionClientContract) {
    await this.changeAs(
      'company.billing_details_updated',
      (company: Company) => void company.merge(details),
      trx
    )
  }

  /** Whether an invoice may be addressed to it: a billing address with its postcode and city. */
  get hasBillingAddress() {
    return Boolean(this.billingAddress && this.billingPostcode && this.billingCity)
  }

  /** The lines of its billing address (street, building...), blank ones left out. */
  get billingAddressLines() {
    return addressLines(this.billingAddress)
  }

  /**
   * The company enters the incubator with a signed agreement starting on a day: a
   * candidate becomes hosted, and its entry date is its earliest agreement's start.
   */
  async enter(startsOn: DateTime, trx?: TransactionClientContract) {
    if (this.status !== 'candidate' && this.enteredOn && this.enteredOn <= startsOn) return
    await this.changeAs(
      'company.hosted',
      (company) => {
        if (company.status === 'candidate') company.status = 'hosted'
        if (!company.enteredOn || startsOn < company.enteredOn) company.enteredOn = startsOn
      },
      trx
    )
  }

  /** Records the company's exit: it becomes an alumnus, followed up for three years. */
  async recordExit(exitOn: DateTime, reason: ExitReason, trx?: TransactionClientContract) {
    await this.changeAs(
      'company.exited',
      (company) => {
        if (!company.mayLeave) throw new DomainError('companies.errors.not_hosted')
        if (exitOn > DateTime.now().plus({ years: 1 })) {
          throw new DomainError('companies.errors.exit_too_far', 'exitOn')
        }
        company.status = 'alumni'
        company.exitOn = exitOn.startOf('day')
        company.exitReason = reason
      },
      trx
    )
  }

  /** Whether it may take new agreements: any company that has not left. */
  get mayTakeAgreements() {
    return this.status !== 'alumni'
  }

  /** Whether its exit may be recorded: a company hosted today (not one still to arrive). */
  get mayLeave() {
    return this.lifecycleOn() === 'hosted'
  }

  /** Whether it may be archived (or brought back): any company not hosted. */
  get mayBeArchived() {
    return this.status !== 'hosted'
  }

  /** Whether the company is archived (kept with its history, out of the lists). */
  get isArchived() {
    return Boolean(this.archivedAt)
  }

  /** The archived companies (isArchived), or with false those in the lists. */
  static archived = scope((query, archived: boolean = true) => {
    if (archived) query.whereNotNull('archived_at')
    else query.whereNull('archived_at')
  })

  /**
   * Archives a company instead of deleting it: its history stays. A hosted company
   * cannot be archived.
   */
  async archive(trx?: TransactionClientContract) {
    await this.changeAs(
      'company.archived',
      (company) => {
        if (!company.mayBeArchived) throw new DomainError('companies.errors.archive_hosted')
        company.archivedAt ??= DateTime.utc()
      },
      trx
    )
  }

  /** Brings an archived company back into the lists. */
  async unarchive(trx?: TransactionClientContract) {
    await this.changeAs(
      'company.unarchived',
      (company) => {
        company.archivedAt = null
      },
      trx
    )
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
   * The companies to choose from in a manager's form, those that can act first: hosted
   * today, then the candidates, each group in French order (#helpers/collation). A company
   * that has left (or is archived) is offered only when it is the record's current value;
   * with "leaving", one that announced its exit is offered with the hosted until its last day;
   * with "alumni", those that left come last (their people still declare their headcount).
   */
  static async choices(
    options: { current?: number | null; leaving?: boolean; alumni?: boolean } = {}
  ) {
    const day = today()
    const companies = await this.query()
      .where((query) => {
        query.where((active) =>
          active.whereNull('archived_at').where((status) => {
            status.whereIn(
              'status',
              options.alumni ? [...COMPANY_STATUSES] : ['hosted', 'candidate']
            )
            if (options.leaving) {
              status.orWhere((leaving) =>
                leaving.where('status', 'alumni').where('exit_on', '>=', day.toISODate()!)
              )
            }
          })
        )
        if (options.current) query.orWhere('id', options.current)
      })
      .select('id', 'name', 'status', 'entered_on', 'exit_on', 'archived_at')
    const groupOf = (company: Company) => {
      if (company.isArchived) return 'archived'
      if (options.leaving && company.mayBookOn(day) && company.status === 'alumni') return 'hosted'
      return company.lifecycleOn(day)
    }
    return (['hosted', 'candidate', 'alumni', 'archived'] as const)
      .map((group) => ({
        group,
        companies: sortByName(
          companies.filter((company) => groupOf(company) === group),
          (company) => company.name
        ),
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
      billingAddress: this.billingAddress,
      billingPostcode: this.billingPostcode,
      billingCity: this.billingCity,
      billingCountryCode: this.billingCountryCode,
      billingEmail: this.billingEmail,
    }
  }
}
