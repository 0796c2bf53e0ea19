import type { HttpContext } from '@adonisjs/core/http'
import hash from '@adonisjs/core/services/hash'
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import AuditEvent from '#models/audit_event'
import { emailChangeValidator } from '#validators/email_change'
import { minutesToWait, throttledCheck } from '#helpers/login_throttle'
import { keepInput } from '#helpers/form_input'
import { DomainError } from '#exceptions/domain_error'

/** Changes of address asked for by one account, per hour (refused ones count too). */
const perAccount = () => limiter.use({ requests: 3, duration: '1 hour' })

/**
 * Every person changes their own email address: they give the new one and their password;
 * a link goes to the new address and a notice to the current one, and the address changes
 * only once the link is followed (email_changes/confirmations).
 */
export default class EmailsController {
  /** The form, with the current address and its past changes (the person's or a manager's). */
  async edit({ auth, view }: HttpContext) {
    const user = auth.getUserOrFail()
    const events = await AuditEvent.historyOf(user)
    const history = events.filter(
      (event) =>
        event.action === 'user.email_changed' ||
        (event.action === 'user.updated' &&
          event.changedFields.some((change) => change.field === 'email'))
    )
    return view.render('pages/account/email', { user, history })
  }

  /**
   * Sends the link once the password is right (checked under the sign-in throttle); the
   * asks are throttled too, refused ones included, so that the form cannot be used to
   * find which addresses have an account.
   */
  async update({ auth, request, response, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    const { email, currentPassword } = await request.validateUsing(emailChangeValidator)
    const outcome = await throttledCheck(`login-code:${user.id}`, request.ip(), () =>
      hash.verify(user.password, currentPassword)
    )
    if (outcome === 'wrong') throw new DomainError('passwords.wrong_current', 'currentPassword')
    if (outcome !== 'ok') {
      throw new DomainError('auth.throttled', 'currentPassword', {
        minutes: minutesToWait(outcome.waitSeconds),
      })
    }
    try {
      await perAccount().consume(`email-change:${user.id}`)
    } catch (error) {
      if (!(error instanceof limiterErrors.E_TOO_MANY_REQUESTS)) throw error
      keepInput(session)
      session.flash(
        'error',
        i18n.t('email_changes.throttled', {
          minutes: minutesToWait(error.response.availableIn),
        })
      )
      return response.redirect().toRoute('account.email.edit')
    }
    await user.requestEmailChange(email)
    session.flash('success', i18n.t('email_changes.sent', { email }))
    return response.redirect().toRoute('account.email.edit')
  }
}
