import { InvoiceLineSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { beforeDelete, beforeSave, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { RevisesData } from '#models/concerns/revises_data'
import { DomainError } from '#exceptions/domain_error'
import { lineAmounts, type VatCategory } from '#domain/invoice_totals'
import Invoice from '#models/invoice'

/**
 * What a line bills: rent, charges and room hours beyond the quota come from the month's run
 * (re-preparing replaces them); services and other lines are added by a person (kept).
 */
export const LINE_KINDS = ['rent', 'charges', 'room_hours', 'service', 'other'] as const
export type LineKind = (typeof LINE_KINDS)[number]

/** The lines the month's run writes (the others are a person's). */
export const PREPARED_KINDS: LineKind[] = ['rent', 'charges', 'room_hours']

/** The kinds of line a person adds to a draft. */
export const MANUAL_KINDS = ['service', 'other'] as const

/** Units (UN/ECE rec. 20, as EN 16931 names them): a month, an hour, a piece. */
export const LINE_UNITS = ['MON', 'HUR', 'C62'] as const
export type LineUnit = (typeof LINE_UNITS)[number]

/** The terms of a line: what, how many (thousandths), at what price (cents) and VAT (bp). */
export type LineTerms = {
  kind: LineKind
  agreementId?: number | null
  creditedLineId?: number | null
  description: string
  quantityMilli: number
  unit: LineUnit
  unitPriceCents: number
  vatRateBp: number
  vatCategory: VatCategory
}

/**
 * One line of an invoice or credit note: its net and VAT are rounded on the line
 * (app/domain/invoice_totals.ts). A line of an issued invoice never changes: the model
 * refuses to save or delete it.
 */
export default class InvoiceLine extends compose(InvoiceLineSchema, RevisesData) {
  @column()
  declare kind: LineKind

  @column()
  declare unit: LineUnit

  @column()
  declare vatCategory: VatCategory

  @belongsTo(() => Invoice)
  declare invoice: BelongsTo<typeof Invoice>

  /** Its amounts follow its terms, whoever sets them. */
  @beforeSave()
  static computeAmounts(line: InvoiceLine) {
    Object.assign(line, lineAmounts(line))
  }

  /** Refuses to change a line of an issued invoice (read in the change's transaction). */
  @beforeSave()
  static async refuseOnIssued(line: InvoiceLine) {
    await InvoiceLine.assertDraft(line)
  }

  /** Refuses to delete a line of an issued invoice. */
  @beforeDelete()
  static async refuseDeleteOnIssued(line: InvoiceLine) {
    await InvoiceLine.assertDraft(line)
  }

  /** Refuses a write on a line whose invoice is issued. */
  static async assertDraft(line: InvoiceLine) {
    const invoice = await Invoice.query({ client: line.$trx })
      .where('id', line.invoiceId)
      .select('status')
      .first()
    if (invoice && invoice.status !== 'draft') throw new DomainError('invoices.errors.issued')
  }

  /** Whether the month's run wrote it (re-preparing replaces it). */
  get isPrepared() {
    return PREPARED_KINDS.includes(this.kind)
  }

  /** The quantity as a number (1500 thousandths: 1.5). */
  get quantity() {
    return this.quantityMilli / 1000
  }

  /** The values worth recording in the audit trail. */
  auditAttributes() {
    return {
      lineKind: this.kind,
      description: this.description,
      quantity: this.quantity,
      unit: this.unit,
      unitPriceCents: this.unitPriceCents,
      vatRateBp: this.vatRateBp,
      netCents: this.netCents,
    }
  }
}
