import type { HttpContext } from '@adonisjs/core/http'
import Booking from '#models/booking'
import BookingPolicy from '#policies/booking_policy'
import { cancelBookingValidator } from '#validators/booking'
import { sqlDateTime } from '#helpers/sql_dates'

/**
 * Cancelling a booking: tenants until the room's cut-off, managers at any time. The
 * booking stays (cancelled); its slots are free at once.
 */
export default class CancellationsController {
  /**
   * The second thought before cancelling (a page, so that it works without JavaScript): the
   * booking, and with "scope=following" the later bookings of its series cancelled with it.
   */
  async create({ bouncer, params, request, view }: HttpContext) {
    await bouncer.with(BookingPolicy).authorize('reach')
    const booking = await Booking.findOrFail(params.id)
    await bouncer.with(BookingPolicy).authorize('change', booking)
    await booking.load('meetingRoom')
    await booking.load('company')
    const scope = request.input('scope') === 'following' && booking.seriesId ? 'following' : 'one'
    const following =
      scope === 'following'
        ? await Booking.query()
            .withScopes((scopes) => scopes.confirmed())
            .where('series_id', booking.seriesId!)
            .where('starts_at', '>', sqlDateTime(booking.startsAt))
            .count('* as total')
            .firstOrFail()
        : null
    return view.render('pages/bookings/cancellations/create', {
      booking,
      scope,
      followingCount: Number(following?.$extras.total ?? 0),
    })
  }

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
