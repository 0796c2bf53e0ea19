import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { keepInput } from '#helpers/form_input'
import { formatDate } from '#helpers/formatting'

/**
 * A rule of the domain said no (a lifecycle step out of order, an overlap...).
 * The form comes back with the user's input and a message in the person's language,
 * next to the field when the rule concerns one. The error carries data (days as
 * DateTime, numbers), never text: the message formats them for the language.
 */
export class DomainError extends Exception {
  static status = 422

  constructor(
    public messageKey: string,
    public field?: string,
    public data: Record<string, unknown> = {}
  ) {
    super(messageKey, { code: 'E_DOMAIN_RULE' })
  }

  /** The error's data as the message shows it in a language: days written out. */
  messageData(locale: string) {
    return Object.fromEntries(
      Object.entries(this.data).map(([name, value]) => [
        name,
        DateTime.isDateTime(value) ? formatDate(value, locale) : value,
      ])
    )
  }

  /** Sends the user back to the form with the message. */
  async handle(error: this, ctx: HttpContext) {
    const message = ctx.i18n.t(error.messageKey, error.messageData(ctx.i18n.locale))
    keepInput(ctx.session)
    if (error.field) {
      ctx.session.flash('inputErrorsBag', { [error.field]: [message] })
    }
    ctx.session.flash('error', message)
    ctx.response.redirect().back()
  }
}
