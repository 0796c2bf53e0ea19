import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import { dropEndedSessions } from '#helpers/account_sessions'

/**
 * An account's disablement: creating it disables the account (its open
 * sessions stop at their next request), destroying it re-enables it.
 */
export default class DisablementsController {
  /** Disables the account. */
  async store(ctx: HttpContext) {
    return this.#change(ctx, 'disable')
  }

  /** Re-enables the account. */
  async destroy(ctx: HttpContext) {
    return this.#change(ctx, 'enable')
  }

  async #change(ctx: HttpContext, change: 'disable' | 'enable') {
    const { bouncer, params, response, session, i18n } = ctx
    await bouncer.with(UserPolicy).authorize('edit')
    const user = await User.findOrFail(params.id)
    await bouncer.with(UserPolicy).authorize('disable', user)

    await user[change]()
    await dropEndedSessions(user)

    session.flash('success', i18n.t(`users.${change}d`, { name: user.fullName }))
    return response.redirect().toRoute('users.index')
  }
}
