import type { HttpContext } from '@adonisjs/core/http'
import { errors as authErrors } from '@adonisjs/auth'
import User from '#models/user'
import { loginValidator } from '#validators/session'
import { signIn, signOut } from '#helpers/account_sessions'
import { keepInput } from '#helpers/form_input'
import { sameOriginPath } from '#helpers/redirects'
import {
  clientKey as clientKeyOf,
  minutesToWait,
  perAccount,
  perClient,
} from '#helpers/login_throttle'
import { startChallenge } from '#helpers/two_factor'

/**
 * Logging in and out. Failed attempts are throttled per email and client address, and
 * per client address; the address is the peer's, or the one a trusted proxy forwards.
 * An account with two-factor sign-in goes on to its second step (TwoFactorChallenges).
 */
export default class SessionController {
  /** The login page. */
  async create({ view }: HttpContext) {
    return view.render('pages/session/create')
  }

  /**
   * Checks the credentials. A disabled account answers as a wrong password does, so
   * that the answer never tells whether the password was right.
   */
  async store(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const { email, password } = await request.validateUsing(loginValidator)
    const clients = perClient()
    const clientKey = clientKeyOf(request.ip())

    const failWith = (message: string) => {
      keepInput(session)
      session.flash('error', message)
      return response.redirect().toRoute('session.create')
    }
    const throttledFor = (seconds: number) =>
      failWith(i18n.t('auth.throttled', { minutes: minutesToWait(seconds) }))

    if (await clients.isBlocked(clientKey))
      return throttledFor(await clients.availableIn(clientKey))

    const [throttled, user] = await perAccount()
      .penalize(`login:${email}:${request.ip()}`, async () => {
        try {
          const found = await User.verifyCredentials(email, password)
          if (found.isDisabled) throw new authErrors.E_INVALID_CREDENTIALS('Disabled account')
          return found
        } catch (error) {
          if (error instanceof authErrors.E_INVALID_CREDENTIALS) await clients.increment(clientKey)
          throw error
        }
      })
      .catch((error) => {
        if (error instanceof authErrors.E_INVALID_CREDENTIALS) return [null, null] as const
        throw error
      })
    if (throttled) return throttledFor(throttled.response.availableIn)
    if (!user) return failWith(i18n.t('auth.invalid_credentials'))

    // With a second factor, the code is asked next: not signed in yet (the page asked for
    // before logging in stays in the session for after it).
    if (user.hasTwoFactor) {
      session.regenerate()
      startChallenge(session, user.id)
      return response.redirect().toRoute('session.two_factor_challenge.create')
    }

    await signIn(ctx, user)
    // Back to the page asked for before logging in, if any (always a path of this app).
    return response
      .redirect()
      .toPath(sameOriginPath(session.pull('redirect.intendedUrl', null), [], '/'))
  }

  /** Logs out (the session's id is replaced: a copied cookie no longer works). */
  async destroy(ctx: HttpContext) {
    const { response, session, i18n } = ctx
    await signOut(ctx)
    session.flash('success', i18n.t('auth.logged_out'))
    return response.redirect().toRoute('session.create')
  }
}
