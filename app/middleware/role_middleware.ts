import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { AuthorizationResponse, errors } from '@adonisjs/bouncer'
import type { Role } from '#models/user'

/**
 * Says which roles may reach a group of routes; everyone else gets the 403 page.
 * Runs after the auth middleware.
 */
export default class RoleMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { roles: Role[] }) {
    const user = ctx.auth.getUserOrFail()
    if (!options.roles.includes(user.role)) {
      throw new errors.E_AUTHORIZATION_FAILURE(
        AuthorizationResponse.deny(ctx.i18n.t('errors.forbidden.title'), 403)
      )
    }
    return next()
  }
}
