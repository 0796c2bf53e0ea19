import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { Audited } from '#models/concerns/audited'
import DataRevision from '#models/data_revision'
import { ServiceSchema } from '#database/schema'
import { column, scope } from '@adonisjs/lucid/orm'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** What a service is counted in, with its UN/ECE code (EN 16931 unit of measure). */
export const SERVICE_UNITS = { piece: 'C62', hour: 'HUR', month: 'MON' } as const
export type ServiceUnit = keyof typeof SERVICE_UNITS

/**
 * The VAT a service may carry, as a manager chooses it: a French rate in basis points
 * (category S, standard), or none — exempt (E) or outside the scope of VAT (O), each then
 * with its reason written on the invoice (EN 16931 asks for it).
 */
export const VAT_CHOICES = {
  '2000': { vatRateBp: 2000, vatCategory: 'S' },
  '1000': { vatRateBp: 1000, vatCategory: 'S' },
  '550': { vatRateBp: 550, vatCategory: 'S' },
  '210': { vatRateBp: 210, vatCategory: 'S' },
  'exempt': { vatRateBp: 0, vatCategory: 'E' },
  'outside': { vatRateBp: 0, vatCategory: 'O' },
} as const
export type VatChoice = keyof typeof VAT_CHOICES
export type VatCategory = (typeof VAT_CHOICES)[VatChoice]['vatCategory']

/** A service's terms as a manager sets them. */
export type ServiceValues = {
  name: string
  description: string | null
  unit: ServiceUnit
  unitPriceCents: number
  vat: VatChoice
  vatExemptionReason: string | null
}

/**
 * A priced service of the catalogue (domiciliation, printing, a spare key...), added to
 * invoices as one-off lines. Archived when no longer offered, never deleted.
 */
export default class Service extends compose(ServiceSchema, RevisesData, Audited) {
  @column()
  declare unit: ServiceUnit

  @column()
  declare vatCategory: VatCategory

  /** The services offered (isArchived false), by name. */
  static offered = scope((query) => {
    query.whereNull('archived_at')
  })

  /** Whether it is no longer offered. */
  get isArchived() {
    return this.archivedAt !== null
  }

  /** Its unit's UN/ECE code, as e-invoices write it. */
  get unitCode() {
    return SERVICE_UNITS[this.unit]
  }

  /** The VAT choice of the form it was made with. */
  get vat(): VatChoice {
    if (this.vatRateBp > 0) return String(this.vatRateBp) as VatChoice
    return this.vatCategory === 'E' ? 'exempt' : 'outside'
  }

  /** Adds a service to the catalogue, recorded. */
  static async add(values: ServiceValues, trx?: TransactionClientContract) {
    return DataRevision.within(trx, async (client) => {
      const service = new Service()
      service.useTransaction(client)
      service.#setTerms(values)
      await service.save()
      await service.recordCreation('service.created', client)
      return service
    })
  }

  /** Changes its terms, recorded; invoices already issued keep the former ones. */
  async updateTerms(values: ServiceValues, trx?: TransactionClientContract) {
    await this.changeAs('service.updated', (service: Service) => service.#setTerms(values), trx)
  }

  /** Takes it out of the catalogue (the invoices that cite it keep it). */
  async archive(trx?: TransactionClientContract) {
    await this.changeAs(
      'service.archived',
      (service) => {
        service.archivedAt ??= DateTime.utc()
      },
      trx
    )
  }

  /** Offers it again. */
  async restore(trx?: TransactionClientContract) {
    await this.changeAs(
      'service.restored',
      (service) => {
        service.archivedAt = null
      },
      trx
    )
  }

  /** Sets the terms: the VAT rate and category from the choice, a reason only without VAT. */
  #setTerms(values: ServiceValues) {
    const { vatRateBp, vatCategory } = VAT_CHOICES[values.vat]
    this.name = values.name
    this.description = values.description
    this.unit = values.unit
    this.unitPriceCents = values.unitPriceCents
    this.vatRateBp = vatRateBp
    this.vatCategory = vatCategory
    this.vatExemptionReason = vatRateBp === 0 ? values.vatExemptionReason : null
  }

  /** The values worth recording in the audit trail. */
  auditAttributes() {
    return {
      name: this.name,
      description: this.description,
      unit: this.unit,
      unitPriceCents: this.unitPriceCents,
      vatRateBp: this.vatRateBp,
      vatCategory: this.vatCategory,
      vatExemptionReason: this.vatExemptionReason,
      archived: this.archivedAt ? true : false,
    }
  }
}
