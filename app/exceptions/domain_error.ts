import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import { keepInput } from '#helpers/form_input'

/**
 * A rule of the domain said no (a lifecycle step out of order, an overlap...).
 * The form comes back with the user's input and a French message, next to
 * the field when the rule concerns one.
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

  /** Sends the user back to the form with the message. */
  async handle(error: this, ctx: HttpContext) {
    const message = ctx.i18n.t(error.messageKey, error.data)
    keepInput(ctx.session)
    if (error.field) {
      ctx.session.flash('inputErrorsBag', { [error.field]: [message] })
    }
    ctx.session.flash('error', message)
    ctx.response.redirect().back()
  }
}
