import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { redactedDatabaseError } from '#helpers/database_errors'
import { DateTime } from 'luxon'

/** An error's message for the console, a database's without its SQL and values. */
function messageOf(error: unknown) {
  const redacted = redactedDatabaseError(error)
  return redacted instanceof Error ? redacted.message : String(redacted)
}

/**
 * Emails each company the headcount declarations it has yet to make, for a daily
 * cron: one email per company, to its active tenants (else its contact address),
 * and never twice for the same period (each reminder is recorded with its email, which
 * goes through the outbox: tried again when sending fails). Exits 0 unless an email
 * could not be sent at once.
 */
export default class DeclarationsRemind extends BaseCommand {
  static commandName = 'declarations:remind'
  static description =
    'Email companies the headcount declarations they have yet to make (once per period)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'The day to look from (YYYY-MM-DD), today by default' })
  declare on?: string

  async run() {
    const { default: router } = await import('@adonisjs/core/services/router')
    const { default: DataRevision } = await import('#models/data_revision')
    const { default: OutgoingEmail } = await import('#models/outgoing_email')
    const { default: i18nManager } = await import('@adonisjs/i18n/services/main')
    const { default: User } = await import('#models/user')
    const { default: DeclarationReminder } = await import('#models/declaration_reminder')
    const { default: DeclarationReminderNotification } =
      await import('#mails/declaration_reminder_notification')
    const { default: Declaration } = await import('#models/declaration')
    const { isDuplicate } = await import('#helpers/database_errors')
    const { today, day } = await import('#domain/periods')
    // Outside the HTTP server nothing commits the routes, and the emails link to them.
    router.commit()
    const i18n = i18nManager.locale('fr')
    const { formatDate } = await import('#helpers/formatting')
    const date = (value: DateTime) => formatDate(value, 'fr')

    const on = this.on ? day(this.on) : today()
    if (!on.isValid) {
      this.logger.error(i18n.t('reminders.command.bad_date', { value: this.on }))
      this.exitCode = 1
      return
    }

    const counts = { sent: 0, skipped: 0, failed: 0 }
    const startedAt = DateTime.utc().startOf('second')
    try {
      const companies = await Declaration.missingOn(on)
      const toRemind = companies
        .map(({ company, missing }) => ({
          company,
          fresh: missing.filter((period) => !period.reminder),
          reminded: missing.filter((period) => period.reminder),
        }))
        .filter(({ fresh }) => fresh.length > 0)

      const tenants = toRemind.length
        ? await User.query()
            .where('role', 'tenant')
            .whereNull('disabled_at')
            .whereIn(
              'company_id',
              toRemind.map(({ company }) => company.id)
            )
            .orderBy('id')
        : []

      for (const { company, fresh, reminded } of toRemind) {
        const recipients = tenants
          .filter((user) => user.companyId === company.id)
          .map((user) => user.email)
        if (!recipients.length && company.email) recipients.push(company.email)
        if (!recipients.length) {
          this.logger.warning(i18n.t('reminders.command.no_recipient', { company: company.name }))
          counts.skipped += 1
          continue
        }

        try {
          // The reminders and their email in one transaction: a run at the same time
          // stops on the unique key, and the outbox sends the email once it commits.
          await DataRevision.transaction(async (trx) => {
            await DeclarationReminder.record(company, fresh, recipients, trx)
            await DeclarationReminderNotification.remind(trx, company, recipients, fresh, reminded)
          })
          counts.sent += 1
          this.logger.info(
            i18n.t('reminders.command.sent', {
              company: company.name,
              recipients: recipients.join(', '),
              count: fresh.length,
            })
          )
        } catch (error) {
          if (isDuplicate(error)) {
            this.logger.info(i18n.t('reminders.command.already_sent', { company: company.name }))
            continue
          }
          counts.failed += 1
          this.logger.error(
            i18n.t('reminders.command.failed', {
              company: company.name,
              error: messageOf(error),
            })
          )
        }
      }

      // Sent now by this process unless a worker delivers the outbox.
      if (OutgoingEmail.delivery === 'web' && counts.sent) {
        await OutgoingEmail.deliverSoon()
        const waiting = await OutgoingEmail.waitingSince('declaration_reminder', startedAt)
        if (waiting.length) {
          this.logger.error(
            i18n.t('reminders.command.delivery_failed', {
              count: waiting.length,
              error: waiting[0].lastError ?? '',
            })
          )
          counts.sent -= waiting.length
          counts.failed += waiting.length
        }
      }

      this.logger.log(i18n.t('reminders.command.summary', { date: date(on), ...counts }))
      if (counts.failed) this.exitCode = 1
    } catch (error) {
      this.logger.error(messageOf(error))
      this.exitCode = 1
    }
  }
}
