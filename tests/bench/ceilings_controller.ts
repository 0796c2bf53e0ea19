import type { HttpContext } from '@adonisjs/core/http'

/**
 * The benchmark's ceiling (BENCH=true only): a logged-in page's middleware and
 * nothing else, so that every page's throughput can be given as a share of it.
 */
export default class CeilingsController {
  /** Answers at once. */
  async show({ response }: HttpContext) {
    return response.send('ok')
  }

  /**
   * A form's ceiling: what every form sent costs before its own work (the form read, its
   * CSRF token checked, a message flashed in the session, the redirect), to compare the
   * booking creation with.
   */
  async store({ response, session, i18n }: HttpContext) {
    session.flash('success', i18n.t('bookings.created'))
    return response.redirect('/bench/ceiling')
  }
}
