import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import { sessionProblem, signOut } from '#helpers/account_sessions'

/**
 * Lets only logged-in, enabled users through; others go to the login page. A session
 * whose account has been disabled since, whose sessions were ended since (password or
 * role changed, "log out the others") or older than its lifetime is ended here.
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

    return next()
  }
}
