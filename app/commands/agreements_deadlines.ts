import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { DateTime } from 'luxon'

/**
 * Prints what managers must see coming (the same lists as their home page), for a
 * daily cron: exits 0 whatever it finds, non-zero only when it fails.
 */
export default class AgreementsDeadlines extends BaseCommand {
  static commandName = 'agreements:deadlines'
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
    const { formatDate } = await import('#helpers/formatting')
    const date = (value: DateTime) => formatDate(value, 'fr')

    const from = this.on ? day(this.on) : today()
    if (!from.isValid) {
      this.logger.error(i18n.t('deadlines.bad_date', { value: this.on }))
      this.exitCode = 1
      return
    }

    try {
      const deadlines = await Agreement.deadlinesOn(from)
      const sections: [string, string[]][] = [
        [
          i18n.t('deadlines.ending_soon'),
          deadlines.endingSoon.map((agreement) =>
            i18n.t('deadlines.ending_line', {
              company: agreement.company.name,
              cells: agreement.cells.map((cell) => cell.code).join(', '),
              date: date(agreement.effectiveEndsOn),
              early: agreement.terminatedOn ? 'yes' : 'no',
            })
          ),
        ],
        [
          i18n.t('deadlines.max_stay'),
          deadlines.maxStaySoon.map(({ company, limit }) =>
            i18n.t('deadlines.max_stay_line', { company: company.name, date: date(limit) })
          ),
        ],
        [
          i18n.t('deadlines.notice_deadlines'),
          deadlines.noticeDeadlines.map(({ agreement, deadline }) =>
            i18n.t('deadlines.notice_line', {
              company: agreement.company.name,
              date: date(deadline),
            })
          ),
        ],
        [
          i18n.t('deadlines.cells_free'),
          deadlines.cellsFreeSoon.map(({ cell, freeFrom }) =>
            i18n.t('deadlines.cell_line', { cell: cell.code, date: date(freeFrom) })
          ),
        ],
      ]
      this.logger.log(i18n.t('deadlines.heading', { date: date(from) }))
      for (const [title, lines] of sections) {
        this.logger.log(`\n${title} (${lines.length})`)
        for (const line of lines.length ? lines : [i18n.t('deadlines.nothing')]) {
          this.logger.log(`  - ${line}`)
        }
      }
    } catch (error) {
      this.logger.error(error instanceof Error ? error.message : String(error))
      this.exitCode = 1
    }
  }
}
