import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { DateTime } from 'luxon'

/**
 * Prints what managers must see coming (the same lists as their home page), for a
 * daily cron: exits 0 whatever it finds, non-zero only when it fails.
 */
export default class AgreementsDue extends BaseCommand {
  static commandName = 'agreements:due'
  static description =
    'List agreements ending soon, stays reaching the maximum, notice deadlines and cells becoming free'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'The day to look from (YYYY-MM-DD), today by default' })
  declare on?: string

  async run() {
    const { default: Agreement } = await import('#models/agreement')
    const { today, day } = await import('#domain/periods')
    const { default: i18nManager } = await import('@adonisjs/i18n/services/main')
    const i18n = i18nManager.locale('fr')
    const date = (value: DateTime) => value.setLocale('fr-FR').toLocaleString(DateTime.DATE_FULL)

    const from = this.on ? day(this.on) : today()
    if (!from.isValid) {
      this.logger.error(i18n.t('due.bad_date', { value: this.on }))
      this.exitCode = 1
      return
    }

    try {
      const due = await Agreement.deadlinesOn(from)
      const sections: [string, string[]][] = [
        [
          i18n.t('due.ending_soon'),
          due.endingSoon.map((agreement) =>
            i18n.t('due.ending_line', {
              company: agreement.company.name,
              cells: agreement.cells.map((cell) => cell.code).join(', '),
              date: date(agreement.endsOn),
            })
          ),
        ],
        [
          i18n.t('due.max_stay'),
          due.maxStaySoon.map(({ company, limit }) =>
            i18n.t('due.max_stay_line', { company: company.name, date: date(limit) })
          ),
        ],
        [
          i18n.t('due.notice_deadlines'),
          due.noticeDeadlines.map(({ agreement, deadline }) =>
            i18n.t('due.notice_line', { company: agreement.company.name, date: date(deadline) })
          ),
        ],
        [
          i18n.t('due.cells_free'),
          due.cellsFreeSoon.map(({ cell, freeFrom }) =>
            i18n.t('due.cell_line', { cell: cell.code, date: date(freeFrom) })
          ),
        ],
      ]
      this.logger.log(i18n.t('due.heading', { date: date(from) }))
      for (const [title, lines] of sections) {
        this.logger.log(`\n${title} (${lines.length})`)
        for (const line of lines.length ? lines : [i18n.t('due.nothing')]) {
          this.logger.log(`  - ${line}`)
        }
      }
    } catch (error) {
      this.logger.error(error instanceof Error ? error.message : String(error))
      this.exitCode = 1
    }
  }
}
