import type { HttpContext } from '@adonisjs/core/http'
import TwoFactorPolicy from '#policies/two_factor_policy'
import { renewRecoveryCodesValidator } from '#validators/two_factor'
import { DomainError } from '#exceptions/domain_error'
import { confirmIdentity } from '#helpers/login_throttle'

/** New recovery codes for one's second factor (the former ones stop working), shown once. */
export default class RecoveryCodesController {
  /** Makes ten new codes, once the password (or a current code) proves it is the person. */
  async store({ auth, bouncer, request, response, session, i18n }: HttpContext) {
    await bouncer.with(TwoFactorPolicy).authorize('edit')
    const user = auth.getUserOrFail()
    const { confirmation } = await request.validateUsing(renewRecoveryCodesValidator)
    if (!user.hasTwoFactor) throw new DomainError('two_factor.errors.off', 'confirmation')
    await confirmIdentity(user, confirmation, request.ip(), 'confirmation')
    const codes = await user.renewRecoveryCodes()
    session.flash('recoveryCodes', codes)
    session.flash('success', i18n.t('two_factor.codes_renewed'))
    return response.redirect().toRoute('account.two_factor.show')
  }
}
