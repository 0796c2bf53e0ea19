import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import i18nManager from '@adonisjs/i18n/services/main'
import User from '#models/user'
import Booking from '#models/booking'
import MeetingRoom from '#models/meeting_room'
import { bookingsCalendar } from '#domain/booking_calendar'
import { sqlDateTime } from '#helpers/sql_dates'

/** Bookings a feed shows: from 90 days back, confirmed or cancelled (so calendars drop them). */
function feedBookings() {
  return Booking.query()
    .where('starts_at', '>=', sqlDateTime(DateTime.utc().minus({ days: 90 })))
    .preload('meetingRoom', (room) => room.select('id', 'name'))
    .preload('company', (company) => company.select('id', 'name'))
    .orderBy('starts_at')
    .limit(5000)
}

/**
 * iCal feeds (RFC 5545) that calendar apps subscribe to with a secret address, no
 * login: a tenant's company bookings; for managers, every booking, or one room's.
 * An unknown or revoked token, or a room feed asked by a tenant, is a 404.
 */
export default class CalendarFeedsController {
  /** The user's own feed: its company's bookings (managers: every booking). */
  async show({ params, response }: HttpContext) {
    const user = await this.#owner(params.token)
    if (!user || user.isOfficial || (user.isTenant && !user.companyId)) return response.notFound()
    const query = feedBookings()
    if (user.isTenant) query.where('company_id', user.companyId!)
    const i18n = i18nManager.locale(user.locale ?? 'fr')
    return this.#send(
      response,
      bookingsCalendar(
        i18n.t('booking_mails.calendar_name'),
        await query,
        user.isManager ? 'manager' : 'company'
      )
    )
  }

  /** A room's feed, for managers. */
  async room({ params, response }: HttpContext) {
    const user = await this.#owner(params.token)
    if (!user?.isManager) return response.notFound()
    const room = await MeetingRoom.find(params.id)
    if (!room) return response.notFound()
    const bookings = await feedBookings().where('meeting_room_id', room.id)
    return this.#send(response, bookingsCalendar(room.name, bookings, 'manager'))
  }

  async #owner(token: unknown) {
    if (typeof token !== 'string' || !/^[a-f0-9]{64}$/.test(token)) return null
    return User.query().where('calendar_token', token).whereNull('disabled_at').first()
  }

  #send(response: HttpContext['response'], calendar: string) {
    return response
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="reservations.ics"')
      .header('cache-control', 'private, max-age=300')
      .send(calendar)
  }
}
