import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import { twoFactorCodeValidator } from '#validators/two_factor'
import { signIn } from '#helpers/account_sessions'
import { sameOriginPath } from '#helpers/redirects'
import { minutesToWait, throttledCheck } from '#helpers/login_throttle'
import { pendingChallenge } from '#helpers/two_factor'

/**
 * The second step of a sign-in with two-factor: after the right password, a code from the
 * authenticator app (or a recovery code, then used up), within five minutes. Wrong codes
 * are throttled as wrong passwords are (per account, and per client address).
 */
export default class TwoFactorChallengesController {
  /** The page asking for the code. */
  async create({ response, session, i18n, view }: HttpContext) {
    if (!pendingChallenge(session)) return this.#expired({ response, session, i18n })
    return view.render('pages/session/two_factor_challenge')
  }

  /** Checks the code and signs in, back to the page asked for before, if any. */
  async store(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const challenge = pendingChallenge(session)
    if (!challenge) return this.#expired(ctx)
    const { code } = await request.validateUsing(twoFactorCodeValidator)
    const user = await User.find(challenge.userId)
    if (!user || user.isDisabled || !user.hasTwoFactor) return this.#expired(ctx)

    const failWith = (message: string) => {
      session.flash('error', message)
      session.flash('inputErrorsBag', { code: [message] })
      return response.redirect().toRoute('session.two_factor_challenge.create')
    }
    const outcome = await throttledCheck(`login-code:${user.id}`, request.ip(), () =>
      user.verifySecondFactor(code)
    )
    if (outcome === 'wrong') return failWith(i18n.t('two_factor.errors.wrong_code'))
    if (outcome !== 'ok') {
      return failWith(i18n.t('auth.throttled', { minutes: minutesToWait(outcome.waitSeconds) }))
    }

    session.forget('twoFactorChallenge')
    await signIn(ctx, user)
    return response
      .redirect()
      .toPath(sameOriginPath(session.pull('redirect.intendedUrl', null), [], '/'))
  }

  #expired({ response, session, i18n }: Pick<HttpContext, 'response' | 'session' | 'i18n'>) {
    session.forget('twoFactorChallenge')
    session.flash('error', i18n.t('two_factor.challenge.expired'))
    return response.redirect().toRoute('session.create')
  }
}
