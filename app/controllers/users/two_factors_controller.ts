import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'

/**
 * A manager resets another person's second factor (a lost phone): they sign in with their
 * password alone and enrol again. Never one's own: that takes a recovery code.
 */
export default class TwoFactorsController {
  /** Resets it and records who did. */
  async destroy({ bouncer, params, response, session, i18n }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('edit')
    const user = await User.findOrFail(params.id)
    await bouncer.with(UserPolicy).authorize('resetTwoFactor', user)
    await user.resetTwoFactor()
    session.flash('success', i18n.t('two_factor.reset', { name: user.fullName }))
    return response.redirect().toRoute('users.edit', { id: user.id })
  }
}
