import type { HttpContext } from '@adonisjs/core/http'
import Closure from '#models/closure'
import ClosurePolicy from '#policies/closure_policy'

/**
 * Cancelling every booking caught by a closure, with the closure's reason; each
 * company is told.
 */
export default class BookingCancellationsController {
  /** Cancels the bookings inside the closure and notifies their companies. */
  async store(ctx: HttpContext) {
    const { auth, bouncer, params, response, session, i18n } = ctx
    await bouncer.with(ClosurePolicy).authorize('manage')
    const closure = await Closure.findOrFail(params.id)
    const manager = auth.getUserOrFail()

    const cancelled = await closure.cancelBookingsInside(manager)

    session.flash('success', i18n.t('bookings.cancelled', { count: cancelled.length }))
    return response.redirect().toRoute('closures.show', { id: closure.id })
  }
}
