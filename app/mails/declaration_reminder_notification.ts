import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import Company from '#models/company'
import OutgoingEmail from '#models/outgoing_email'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { day } from '#domain/periods'
import type { DeclarationPeriod } from '#domain/declaration_periods'

/** The app's public address, for absolute links in emails. */
export function appUrl(path: string) {
  return env.get('APP_URL', 'http://localhost:3333').replace(/\/+$/, '') + path
}

/** What the outbox keeps of a reminder: the company, its recipients and the periods, by day. */
type ReminderPayload = {
  companyId: number
  recipients: string[]
  periods: { kind: DeclarationPeriod['kind']; periodOn: string }[]
  stillMissing: { kind: DeclarationPeriod['kind']; periodOn: string }[]
}

/** Periods as the outbox keeps them, and back. */
const kept = (periods: DeclarationPeriod[]) =>
  periods.map((period) => ({ kind: period.kind, periodOn: period.periodOn.toISODate()! }))
const readBack = (periods: ReminderPayload['periods']) =>
  periods.map((period) => ({ kind: period.kind, periodOn: day(period.periodOn) }))

/**
 * Tells a company which headcount declarations it has yet to make: the periods newly
 * due, and those already reminded that are still missing, with a link to declare.
 * In French, like the incubator's other correspondence.
 */
export default class DeclarationReminderNotification extends BaseMail {
  constructor(
    private company: Company,
    private recipients: string[],
    private periods: DeclarationPeriod[],
    private stillMissing: DeclarationPeriod[] = []
  ) {
    super()
  }

  /**
   * Puts the reminder in the outbox, in the transaction that records it (sent once it
   * commits, tried again when sending fails, never sent for a reminder rolled back).
   */
  static async remind(
    trx: TransactionClientContract,
    company: Company,
    recipients: string[],
    periods: DeclarationPeriod[],
    stillMissing: DeclarationPeriod[]
  ) {
    const payload: ReminderPayload = {
      companyId: company.id,
      recipients,
      periods: kept(periods),
      stillMissing: kept(stillMissing),
    }
    await OutgoingEmail.enqueue(trx, 'declaration_reminder', [payload])
  }

  /** The reminders of an outbox round, their companies read in one query (null: company gone). */
  static async fromOutbox(payloads: ReminderPayload[]) {
    const companies = await Company.query().whereIn(
      'id',
      payloads.map((payload) => payload.companyId)
    )
    const byId = new Map(companies.map((company) => [company.id, company]))
    return payloads.map((payload) => {
      const company = byId.get(payload.companyId)
      if (!company || !payload.recipients.length) return null
      return new DeclarationReminderNotification(
        company,
        payload.recipients,
        readBack(payload.periods),
        readBack(payload.stillMissing)
      )
    })
  }

  /** Recipients, subject and both bodies, rendered from the Edge templates. */
  prepare() {
    const i18n = i18nManager.locale('fr')
    for (const address of this.recipients) this.message.to(address)
    this.message.subject(i18n.t('reminders.subject', { company: this.company.name }))
    const data = {
      i18n,
      locale: 'fr',
      company: this.company,
      periods: this.periods,
      stillMissing: this.stillMissing,
      link: appUrl(urlFor('companies.declarations.index', { id: this.company.id })),
    }
    this.message.htmlView('emails/declaration_reminder_html', data)
    this.message.textView('emails/declaration_reminder_text', data)
  }
}
