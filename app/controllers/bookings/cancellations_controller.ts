import type { HttpContext } from '@adonisjs/core/http'
import Booking from '#models/booking'
import MeetingRoom from '#models/meeting_room'
import AuditEvent from '#models/audit_event'
import DataRevision from '#models/data_revision'
import BookingPolicy from '#policies/booking_policy'
import { cancelBookingValidator } from '#validators/booking'
import { sqlDateTime } from '#domain/booking_slots'
import { DomainError } from '#exceptions/domain_error'
import BookingNotification from '#mails/booking_notification'

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

    const cancelled = await DataRevision.transaction(async (trx) => {
      // Locked and read again: two cancellations at once cancel (and record) it once.
      const current = await Booking.locked(booking.id, trx)
      if (!current.isConfirmed) throw new DomainError('bookings.errors.already_cancelled')
      const room = await MeetingRoom.findOrFail(current.meetingRoomId, { client: trx })
      current.assertChangeableBy(user, room)
      // "This one and all later ones" of a series; otherwise this one only.
      const bookings =
        scope === 'following' && booking.seriesId
          ? await Booking.query({ client: trx })
              .where('series_id', booking.seriesId)
              .where('status', 'confirmed')
              .where('starts_at', '>=', sqlDateTime(booking.startsAt))
              .orderBy('starts_at')
          : [current]
      for (const each of bookings) {
        await AuditEvent.change(ctx, 'booking.cancelled', each, trx, () =>
          each.cancel(user, reason ?? null, trx)
        )
      }
      // One notice for the cancellation asked (a series' later occurrences go with it).
      await BookingNotification.notify(trx, [
        {
          booking: current,
          notice:
            user.isManager && user.companyId !== current.companyId
              ? 'cancelled_by_manager'
              : 'cancelled',
          actor: user,
        },
      ])
      return bookings
    })

    session.flash('success', i18n.t('bookings.cancelled', { count: cancelled.length }))
    return response.redirect().toRoute('bookings.index')
  }
}
