import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import { sessionProblem, signOut } from '#helpers/account_sessions'
import Setting from '#models/setting'

/** The pages a manager who must enrol a second factor may still reach. */
const ENROLMENT_ROUTES = new Set([
  'account.two_factor.show',
  'account.two_factor.create',
  'account.two_factor.store',
  'session.destroy',
])

/**
 * Lets only logged-in, enabled users through; others go to the login page. A session
 * whose account has been disabled since, whose sessions were ended since (password or
 * role changed, "log out the others") or older than its lifetime is ended here. When the
 * settings require it, a manager without a second factor enrols one before anything else.
 */
export default class AuthMiddleware {
  redirectTo = '/login'

  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { guards?: (keyof Authenticators)[] } = {}
  ) {
    await ctx.auth.authenticateUsing(options.guards, { loginRoute: this.redirectTo })
    const user = ctx.auth.user!
    const problem = user.isDisabled ? 'disabled' : sessionProblem(ctx, user)
    if (problem) {
      await signOut(ctx)
      ctx.session.flash('error', ctx.i18n.t(`auth.session_${problem}`))
      return ctx.response.redirect(this.redirectTo)
    }
    if (
      user.isManager &&
      !user.hasTwoFactor &&
      !ENROLMENT_ROUTES.has(ctx.route?.name ?? '') &&
      (await Setting.managersTwoFactorRequired())
    ) {
      ctx.session.flash('error', ctx.i18n.t('two_factor.required'))
      return ctx.response.redirect().toRoute('account.two_factor.create')
    }

    return next()
  }
}
