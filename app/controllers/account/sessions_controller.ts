import type { HttpContext } from '@adonisjs/core/http'
import { dropEndedSessions, openSessions } from '#helpers/account_sessions'

/**
 * A person's open sessions (the browsers and devices logged in to the account), and
 * logging out every one but this one.
 */
export default class SessionsController {
  /** The open sessions, this one first. */
  async index(ctx: HttpContext) {
    const sessions = await openSessions(ctx, ctx.auth.getUserOrFail())
    return ctx.view.render('pages/account/sessions', { sessions })
  }

  /** Ends every other session of the account; this one goes on. */
  async destroyOthers(ctx: HttpContext) {
    const { auth, response, session, i18n } = ctx
    const user = auth.getUserOrFail()
    await user.endSessions()
    await dropEndedSessions(user, ctx)
    session.flash('success', i18n.t('account.sessions.others_ended'))
    return response.redirect().toRoute('account.sessions.index')
  }
}
