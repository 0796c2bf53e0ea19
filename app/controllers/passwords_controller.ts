import type { HttpContext } from '@adonisjs/core/http'
import hash from '@adonisjs/core/services/hash'
import { updatePasswordValidator } from '#validators/password'
import { dropEndedSessions } from '#helpers/account_sessions'

/**
 * Every user changes their own password, proving they know the current one; the
 * account's other sessions end.
 */
export default class PasswordsController {
  /** The change-password form. */
  async edit({ view }: HttpContext) {
    return view.render('pages/passwords/edit')
  }

  /** Replaces the password once the current one is verified. */
  async update(ctx: HttpContext) {
    const { auth, request, response, session, i18n } = ctx
    const user = auth.getUserOrFail()
    const { currentPassword, password } = await request.validateUsing(updatePasswordValidator)

    if (!(await hash.verify(user.password, currentPassword))) {
      session.flash('inputErrorsBag', { currentPassword: [i18n.t('passwords.wrong_current')] })
      return response.redirect().back()
    }

    await user.changePassword(password)
    await dropEndedSessions(user, ctx)

    session.flash('success', i18n.t('passwords.updated'))
    return response.redirect().toRoute('home')
  }
}
