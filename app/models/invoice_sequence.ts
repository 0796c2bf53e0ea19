import { InvoiceSequenceSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { lockedForUpdate } from '#helpers/locking'

/** The numbering series: F for invoices, A for credit notes (avoirs). */
export type InvoiceSeries = 'F' | 'A'

/** A number as printed: the series, the year and six digits, e.g. "F2027-000123". */
export function invoiceNumber(series: InvoiceSeries, year: number, number: number) {
  return `${series}${year}-${String(number).padStart(6, '0')}`
}

/**
 * One numbering series of one year and the last number it gave: numbers follow one another
 * without gap or duplicate (DOMAIN.md), taken under this row's lock in the transaction that
 * issues the invoice, so that a number rolled back with its invoice is given again to the next.
 */
export default class InvoiceSequence extends compose(InvoiceSequenceSchema, RevisesData) {
  static table = 'invoice_sequences'

  /**
   * Creates the series' row for a year when missing, in its own statement before the issuing
   * transaction (inserting it inside would let two transactions share a lock they both wait
   * to upgrade: a deadlock on MySQL).
   */
  static async ensure(series: InvoiceSeries, year: number) {
    await db
      .table(this.table)
      .insert({ series, year, last_number: 0 })
      .onConflict(['series', 'year'])
      .ignore()
  }

  /** The next number of the series, its row locked until the issuing transaction ends. */
  static async next(series: InvoiceSeries, year: number, trx: TransactionClientContract) {
    const sequence = await lockedForUpdate(
      this.query({ client: trx }).where('series', series).where('year', year)
    ).firstOrFail()
    sequence.lastNumber += 1
    await sequence.save()
    return invoiceNumber(series, year, sequence.lastNumber)
  }
}
