import type { HttpContext } from '@adonisjs/core/http'
import Booking from '#models/booking'
import BookingPolicy from '#policies/booking_policy'
import { cancelBookingValidator } from '#validators/booking'

/**
 * Cancelling a booking: tenants until the room's cut-off, managers at any time. The
 * booking stays (cancelled); its slots are free at once.
 */
export default class CancellationsController {
  /** Cancels the booking and records who did it. */
  async store(ctx: HttpContext) {
    const { auth, bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(BookingPolicy).authorize('reach')
    const booking = await Booking.findOrFail(params.id)
    await bouncer.with(BookingPolicy).authorize('manage', booking)
    const user = auth.getUserOrFail()
    const { reason, scope } = await request.validateUsing(cancelBookingValidator)

    const cancelled = await booking.cancelAsAsked(user, reason ?? null, scope ?? 'one')

    session.flash('success', i18n.t('bookings.cancelled', { count: cancelled.length }))
    return response.redirect().toRoute('bookings.index')
  }
}
