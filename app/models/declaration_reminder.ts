import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import DataRevision from '#models/data_revision'
import { RevisesData } from '#models/concerns/revises_data'
import { DeclarationReminderSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Company from '#models/company'
import type { DeclarationKind, DeclarationPeriod } from '#domain/declaration_periods'

/**
 * A reminder sent to a company for one of its missing headcount declarations: kept so
 * that the daily reminder never sends the same one twice, and shown to managers.
 * One per company and period (a unique key).
 */
export default class DeclarationReminder extends compose(DeclarationReminderSchema, RevisesData) {
  @column()
  declare kind: DeclarationKind

  @belongsTo(() => Company)
  declare company: BelongsTo<typeof Company>

  /** The addresses the reminder went to. */
  get recipientList() {
    return this.recipients.split(',').map((address) => address.trim())
  }

  /**
   * Records the reminders of a company's periods in one statement (a single insert,
   * whatever the number of periods); fails on the unique key if one was already sent.
   */
  static async record(
    company: Company,
    periods: DeclarationPeriod[],
    recipients: string[],
    trx: TransactionClientContract
  ) {
    const sentAt = DateTime.utc().toFormat(trx.dialect.dateTimeFormat)
    await trx
      .insertQuery()
      .table(this.table)
      .multiInsert(
        periods.map((period) => ({
          company_id: company.id,
          kind: period.kind,
          period_on: period.periodOn.toISODate(),
          sent_at: sentAt,
          recipients: recipients.join(', '),
        }))
      )
    await DataRevision.revise(trx)
  }
}
