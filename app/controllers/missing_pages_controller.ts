import type { HttpContext } from '@adonisjs/core/http'

/**
 * An address no other route knows: the 404 page inside the app's frame, with the navigation
 * of whoever is signed in (an error rendered before the router's middleware has no session).
 */
export default class MissingPagesController {
  /** Renders the 404 page with a status 404. */
  async show({ auth, response, view }: HttpContext) {
    await auth.check()
    response.status(404)
    return view.render('pages/errors/not_found')
  }
}
