import type { HttpContext } from '@adonisjs/core/http'
import AccountToken from '#models/account_token'
import User from '#models/user'
import { dropEndedSessions, sessionProblem } from '#helpers/account_sessions'
import { linkProblemPage } from '#helpers/account_links'

/**
 * The link of an email change (valid 24 hours, once), followed signed in or not: a page
 * asks to confirm the new address (opening the link changes nothing), then the address
 * changes and the account's other sessions end.
 */
export default class ConfirmationsController {
  /** The new address and the button, while the link works. */
  async create(ctx: HttpContext) {
    let link: AccountToken
    try {
      link = await AccountToken.valid('email_change', ctx.params.token)
    } catch (error) {
      return linkProblemPage(ctx, error, 'email_change')
    }
    return ctx.view.render('pages/email_changes/confirmations/create', {
      token: ctx.params.token,
      email: link.email,
    })
  }

  /**
   * Changes the address. The account's own session, when this browser holds one that may
   * go on, goes on renewed (home); anyone else is sent to the login page.
   */
  async store(ctx: HttpContext) {
    const { params, response, session, i18n } = ctx
    await ctx.auth.check()
    const signedIn = ctx.auth.user && !sessionProblem(ctx, ctx.auth.user) ? ctx.auth.user : null
    let user: User
    try {
      user = await User.confirmEmailChange(params.token)
    } catch (error) {
      return linkProblemPage(ctx, error, 'email_change')
    }
    await dropEndedSessions(user, signedIn?.id === user.id ? ctx : undefined)
    session.flash('success', i18n.t('email_changes.done', { email: user.email }))
    return response.redirect().toRoute(signedIn ? 'home' : 'session.create')
  }
}
