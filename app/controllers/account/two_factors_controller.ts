import type { HttpContext } from '@adonisjs/core/http'
import TwoFactorPolicy from '#policies/two_factor_policy'
import { twoFactorCodeValidator, twoFactorConfirmationValidator } from '#validators/two_factor'
import { groupedKey, otpauthUri, qrCodeSvg } from '#helpers/two_factor'
import { confirmIdentity } from '#helpers/login_throttle'
import { DomainError } from '#exceptions/domain_error'

/**
 * One's own two-factor sign-in: its state, its enrolment (a QR code and the manual key,
 * then a first code to confirm it), and turning it off (with the password or a code).
 */
export default class TwoFactorsController {
  /** Whether it is on, the recovery codes just made (shown once), what may be done. */
  async show({ auth, bouncer, view, session }: HttpContext) {
    await bouncer.with(TwoFactorPolicy).authorize('edit')
    const user = auth.getUserOrFail()
    return view.render('pages/account/two_factor/show', {
      user,
      recoveryCodes: session.flashMessages.get('recoveryCodes') ?? null,
    })
  }

  /** The enrolment: the QR code and the manual key of a new secret, and the first code. */
  async create({ auth, bouncer, response, view }: HttpContext) {
    await bouncer.with(TwoFactorPolicy).authorize('edit')
    const user = auth.getUserOrFail()
    const secret = await user.pendingTwoFactorSecret()
    if (!secret) return response.redirect().toRoute('account.two_factor.show')
    const uri = otpauthUri(secret, user.email)
    return view.render('pages/account/two_factor/create', {
      qrCode: await qrCodeSvg(uri),
      manualKey: groupedKey(secret),
    })
  }

  /** Turns it on once the first code is right; the recovery codes are shown next, once. */
  async store({ auth, bouncer, request, response, session, i18n }: HttpContext) {
    await bouncer.with(TwoFactorPolicy).authorize('edit')
    const user = auth.getUserOrFail()
    const { code } = await request.validateUsing(twoFactorCodeValidator)
    const codes = await user.enableTwoFactor(code)
    session.flash('recoveryCodes', codes)
    session.flash('success', i18n.t('two_factor.enabled'))
    return response.redirect().toRoute('account.two_factor.show')
  }

  /** Turns it off, once the password (or a current code) proves it is the person. */
  async destroy(ctx: HttpContext) {
    const { auth, bouncer, request, response, session, i18n } = ctx
    await bouncer.with(TwoFactorPolicy).authorize('edit')
    const user = auth.getUserOrFail()
    const { password } = await request.validateUsing(twoFactorConfirmationValidator)
    if (!user.hasTwoFactor) throw new DomainError('two_factor.errors.off', 'password')
    await confirmIdentity(user, password, request.ip())
    await user.disableTwoFactor()
    session.flash('success', i18n.t('two_factor.disabled'))
    return response.redirect().toRoute('account.two_factor.show')
  }
}
