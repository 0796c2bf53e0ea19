import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import type Company from '#models/company'
import type { DeclarationPeriod } from '#domain/declaration_periods'

/** The app's public address, for absolute links in emails. */
export function appUrl(path: string) {
  return env.get('APP_URL', 'http://localhost:3333').replace(/\/+$/, '') + path
}

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
