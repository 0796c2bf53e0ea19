import type { HttpContext } from '@adonisjs/core/http'
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import User from '#models/user'
import AccountToken from '#models/account_token'
import { passwordResetRequestValidator, passwordResetValidator } from '#validators/password_reset'
import { dropEndedSessions, signIn } from '#helpers/account_sessions'
import { linkProblemPage } from '#helpers/account_links'
import { keepInput } from '#helpers/form_input'

/** Links asked for one email (from any client), per hour. */
const perEmail = () => limiter.use({ requests: 3, duration: '1 hour' })

/** Links asked for from one client address (across every email), per hour. */
const perClient = () => limiter.use({ requests: 10, duration: '1 hour' })

/**
 * A forgotten password: the person asks for a link by email (the answer never tells
 * whether the address has an account; asking is throttled per email and per client
 * address), then follows it, valid one hour and once, to choose a new password.
 */
export default class PasswordResetsController {
  /** The form asking for the account's email. */
  async create({ view }: HttpContext) {
    return view.render('pages/password_resets/create')
  }

  /** Sends the link if the address is an enabled account's; the same answer either way. */
  async store({ request, response, session, i18n }: HttpContext) {
    const { email } = await request.validateUsing(passwordResetRequestValidator)
    try {
      await perClient().consume(`password-reset-client:${request.ip()}`)
      await perEmail().consume(`password-reset:${email}`)
    } catch (error) {
      if (!(error instanceof limiterErrors.E_TOO_MANY_REQUESTS)) throw error
      const minutes = Math.max(1, Math.ceil(error.response.availableIn / 60))
      keepInput(session)
      session.flash('error', i18n.t('password_resets.throttled', { minutes }))
      return response.redirect().toRoute('password_resets.create')
    }
    await User.requestPasswordReset(email)
    session.flash('success', i18n.t('password_resets.sent'))
    return response.redirect().toRoute('session.create')
  }

  /** The form for a new password, while the link works. */
  async edit(ctx: HttpContext) {
    try {
      await AccountToken.valid('password_reset', ctx.params.token)
    } catch (error) {
      return linkProblemPage(ctx, error, 'password_reset')
    }
    return ctx.view.render('pages/password_resets/edit', { token: ctx.params.token })
  }

  /**
   * Sets the new password (the link used once), ends every open session of the account
   * and signs the person in.
   */
  async update(ctx: HttpContext) {
    const { params, request, response, session, i18n } = ctx
    try {
      await AccountToken.valid('password_reset', params.token)
    } catch (error) {
      return linkProblemPage(ctx, error, 'password_reset')
    }
    const { password } = await request.validateUsing(passwordResetValidator)
    let user: User
    try {
      user = await User.resetPassword(params.token, password)
    } catch (error) {
      return linkProblemPage(ctx, error, 'password_reset')
    }
    await dropEndedSessions(user)
    await signIn(ctx, user)
    session.flash('success', i18n.t('password_resets.done'))
    return response.redirect().toRoute('home')
  }
}
