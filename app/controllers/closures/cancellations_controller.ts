import type { HttpContext } from '@adonisjs/core/http'
import Closure from '#models/closure'
import AuditEvent from '#models/audit_event'
import DataRevision from '#models/data_revision'
import ClosurePolicy from '#policies/closure_policy'
import BookingNotification from '#mails/booking_notification'

/**
 * Cancelling every booking caught by a closure, with the closure's reason; each
 * company is told.
 */
export default class CancellationsController {
  /** Cancels the bookings inside the closure and notifies their companies. */
  async store(ctx: HttpContext) {
    const { auth, bouncer, params, response, session, i18n } = ctx
    await bouncer.with(ClosurePolicy).authorize('manage')
    const closure = await Closure.findOrFail(params.id)
    const manager = auth.getUserOrFail()

    const cancelled = await DataRevision.transaction(async (trx) => {
      const bookings = await closure.bookingsInside(trx)
      for (const booking of bookings) {
        await AuditEvent.change(ctx, 'booking.cancelled', booking, trx, () =>
          booking.cancel(manager, closure.reason, trx)
        )
      }
      await BookingNotification.notify(
        trx,
        bookings.map((booking) => ({ booking, notice: 'cancelled_by_manager', actor: manager }))
      )
      return bookings
    })

    session.flash('success', i18n.t('bookings.cancelled', { count: cancelled.length }))
    return response.redirect().toRoute('closures.show', { id: closure.id })
  }
}
