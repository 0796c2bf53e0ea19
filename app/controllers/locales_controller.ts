import type { HttpContext } from '@adonisjs/core/http'
import { updateLocaleValidator } from '#validators/locale'

/**
 * The language switch: remembered on the account, or in the session for visitors.
 */
export default class LocalesController {
  /** Saves the chosen language and returns to the page the user was on. */
  async update({ auth, request, response, session }: HttpContext) {
    const { locale } = await request.validateUsing(updateLocaleValidator)
    session.put('locale', locale)
    if (await auth.check()) {
      auth.user!.locale = locale
      await auth.user!.save()
    }
    return response.redirect().back()
  }
}
