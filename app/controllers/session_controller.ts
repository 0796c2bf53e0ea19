import type { HttpContext } from '@adonisjs/core/http'
import limiter from '@adonisjs/limiter/services/main'
import { errors as authErrors } from '@adonisjs/auth'
import User from '#models/user'
import { loginValidator } from '#validators/session'

/**
 * Logging in and out. Failed attempts are throttled per email and IP address.
 */
export default class SessionController {
  /** The login page. */
  async create({ view }: HttpContext) {
    return view.render('pages/session/create')
  }

  /** Checks the credentials, at most 5 failures per 15 minutes per email and IP. */
  async store({ request, auth, response, session, i18n }: HttpContext) {
    const { email, password } = await request.validateUsing(loginValidator)
    const throttle = limiter.use({ requests: 5, duration: '15 mins', blockDuration: '15 mins' })
    const key = `login:${email}:${request.ip()}`

    const failWith = (message: string) => {
      session.flashExcept(['password', '_csrf'])
      session.flash('error', message)
      return response.redirect().toRoute('session.create')
    }

    let attempt: Awaited<ReturnType<typeof throttle.penalize<User>>>
    try {
      attempt = await throttle.penalize(key, () => User.verifyCredentials(email, password))
    } catch (error) {
      if (error instanceof authErrors.E_INVALID_CREDENTIALS) {
        return failWith(i18n.t('auth.invalid_credentials'))
      }
      throw error
    }

    const [throttled, user] = attempt
    if (throttled) {
      const minutes = Math.max(1, Math.ceil(throttled.response.availableIn / 60))
      return failWith(i18n.t('auth.throttled', { minutes }))
    }
    if (user.isDisabled) {
      return failWith(i18n.t('auth.disabled'))
    }

    await auth.use('web').login(user)
    return response.redirect().toRoute('home')
  }

  /** Logs out and returns to the login page. */
  async destroy({ auth, response, session, i18n }: HttpContext) {
    await auth.use('web').logout()
    session.flash('success', i18n.t('auth.logged_out'))
    return response.redirect().toRoute('session.create')
  }
}
