import BookingPolicy from '#policies/booking_policy'
import type { HttpContext } from '@adonisjs/core/http'
import MeetingRoom from '#models/meeting_room'
import { appUrl } from '#mails/declaration_reminder_notification'
import CalendarPolicy from '#policies/calendar_policy'

/**
 * A user's calendar subscription: the secret feed addresses, and a new address that
 * revokes the former one.
 */
export default class CalendarsController {
  /** The feed addresses (created on first visit). */
  async edit({ auth, bouncer, view }: HttpContext) {
    await bouncer.with(CalendarPolicy).authorize('edit')
    const user = auth.getUserOrFail()
    const token = await user.calendarTokenOrNew()
    const everyRoom = await bouncer.with(BookingPolicy).allows('actForEveryCompany')
    const rooms = everyRoom ? await MeetingRoom.byName() : []
    return view.render('pages/account/calendar', {
      feed: appUrl(`/calendar/${token}/bookings.ics`),
      roomFeeds: rooms.map((room) => ({
        room,
        url: appUrl(`/calendar/${token}/rooms/${room.id}/bookings.ics`),
      })),
    })
  }

  /** A new secret address: the former one stops working at once. */
  async update(ctx: HttpContext) {
    const { auth, bouncer, response, session, i18n } = ctx
    await bouncer.with(CalendarPolicy).authorize('edit')
    const user = auth.getUserOrFail()
    await user.renewCalendarToken()
    session.flash('success', i18n.t('calendar.renewed'))
    return response.redirect().toRoute('account.calendar.edit')
  }
}
