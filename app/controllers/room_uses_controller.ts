import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import MeetingRoom from '#models/meeting_room'
import Booking from '#models/booking'
import RoomUsePolicy from '#policies/room_use_policy'
import { decimalComma, sendCsv } from '#helpers/csv'
import { roomUse } from '#domain/room_use'
import { LOCAL_ZONE, toLocal } from '#domain/local_time'
import { parseMonth } from '#domain/periods'

/** Hours as French spreadsheets read them: decimal comma. */
function hours(minutes: number) {
  return decimalComma(Math.round((minutes / 60) * 100) / 100)
}

/**
 * The monthly use of the meeting rooms, for managers: hours per room and per
 * company, occupancy of opening hours; and the same as CSV.
 */
export default class RoomUsesController {
  /** The month's report (this month by default). */
  async show({ bouncer, request, view }: HttpContext) {
    await bouncer.with(RoomUsePolicy).authorize('view')
    const report = await this.#report(request.input('month'))
    return view.render('pages/room_use/show', { report })
  }

  /** The month's report as CSV: one line per company, hours per room, then totals and occupancy. */
  async export({ bouncer, request, response, i18n }: HttpContext) {
    await bouncer.with(RoomUsePolicy).authorize('view')
    const report = await this.#report(request.input('month'))
    const rooms = report.perRoom.map((entry) => entry.room.name)
    const rows = [
      [i18n.t('room_use.company'), ...rooms, i18n.t('room_use.total')],
      ...report.perCompany.map((entry) => [
        entry.name,
        ...entry.minutesByRoom.map(hours),
        hours(entry.totalMinutes),
      ]),
      [
        i18n.t('room_use.total'),
        ...report.perRoom.map((entry) => hours(entry.bookedMinutes)),
        hours(report.totalMinutes),
      ],
      [
        i18n.t('room_use.occupancy'),
        ...report.perRoom.map((entry) =>
          entry.occupancy === null
            ? ''
            : `${decimalComma(Math.round(entry.occupancy * 1000) / 10)} %`
        ),
        '',
      ],
    ]
    return sendCsv(response, `salles-${report.month.toFormat('yyyy-MM')}.csv`, rows)
  }

  async #report(asked: unknown) {
    const month = parseMonth(asked) ?? toLocal(DateTime.utc()).startOf('month')
    const start = DateTime.fromISO(month.toISODate()!, { zone: LOCAL_ZONE })
    const [rooms, bookings] = await Promise.all([
      MeetingRoom.byName(),
      Booking.query()
        .withScopes((scopes) => {
          scopes.confirmed()
          scopes.startingBetween(start, start.plus({ months: 1 }))
        })
        .preload('company', (company) => company.select('id', 'name')),
    ])
    return roomUse(month, rooms, bookings)
  }
}
