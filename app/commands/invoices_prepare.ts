import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Prepares the month's draft invoices (the billing run), one per company, from the rent roll
 * and the room hours beyond the quota, for a monthly cron or by hand: the month to come when
 * billing in advance (à échoir), the month past in arrears (à terme échu), unless --month
 * says which. Running it again replaces the drafts' prepared lines and never touches an issued
 * invoice. Exits 0 unless a company's draft could not be prepared.
 */
export default class InvoicesPrepare extends BaseCommand {
  static commandName = 'invoices:prepare'
  static description = "Prepare the month's draft invoices from the rent roll (one per company)"
  static options: CommandOptions = { startApp: true }

  @flags.string({
    description:
      'The month to bill (YYYY-MM); by default the next one when billing in advance, else the last one',
  })
  declare month?: string

  async run() {
    const { default: Invoice } = await import('#models/invoice')
    const { default: Setting } = await import('#models/setting')
    const { parseMonth, today } = await import('#domain/periods')
    const { monthToBill } = await import('#domain/billing_run')
    const { formatMoney, formatMonth } = await import('#helpers/formatting')
    const { redactedDatabaseError } = await import('#helpers/database_errors')
    const { default: i18nManager } = await import('@adonisjs/i18n/services/main')
    const i18n = i18nManager.locale('fr')

    const asked = this.month === undefined ? null : parseMonth(this.month)
    if (this.month !== undefined && !asked?.isValid) {
      this.logger.error(i18n.t('invoices.command.bad_month', { value: this.month }))
      this.exitCode = 1
      return
    }
    const inAdvance = (await Setting.number('billing_in_advance')) === 1
    const month = asked ?? monthToBill(today(), inAdvance)
    const report = await Invoice.prepareMonth(month, { userId: null, ip: null })
    this.logger.log(
      i18n.t('invoices.run.prepared', {
        month: formatMonth(month, 'fr'),
        prepared: report.prepared.length,
        skipped: report.skipped.length,
      })
    )
    for (const invoice of report.prepared) {
      this.logger.log(`  - ${invoice.company.name}\u00a0: ${formatMoney(invoice.grossCents, 'fr')}`)
    }
    for (const { company, error } of report.failed) {
      const redacted = redactedDatabaseError(error)
      this.logger.error(
        `${company.name}\u00a0: ${redacted instanceof Error ? redacted.message : String(redacted)}`
      )
    }
    if (report.failed.length) this.exitCode = 1
  }
}
