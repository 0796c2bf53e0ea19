import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import MeetingRoom from '#models/meeting_room'
import Booking from '#models/booking'
import Closure from '#models/closure'
import AuditEvent from '#models/audit_event'
import MeetingRoomPolicy from '#policies/meeting_room_policy'
import { meetingRoomValidator } from '#validators/meeting_room'
import { calendarGrid } from '#domain/room_calendar'
import { LOCAL_ZONE } from '#domain/local_time'
import { parseDay } from '#domain/periods'
import { nextOpenDay } from '#domain/opening_hours'

/** The instant a Paris calendar day starts. */
function localMidnight(day: DateTime) {
  return DateTime.fromISO(day.toISODate()!, { zone: LOCAL_ZONE })
}

/** Confirmed bookings from one local day to another (excluded), with their company. */
function bookingsBetween(from: DateTime, to: DateTime, roomId?: number) {
  const query = Booking.query()
    .withScopes((scopes) => {
      scopes.confirmed()
      scopes.startingBetween(localMidnight(from), localMidnight(to))
    })
    .preload('company', (company) => company.select('id', 'name'))
    .orderBy('starts_at')
  if (roomId) query.where('meeting_room_id', roomId)
  return query
}

/**
 * The meeting rooms: the day view of all rooms side by side and the week view of one
 * (free slots link to the booking form); managers set each room's rules.
 */
export default class MeetingRoomsController {
  /** Every room on one day, side by side: today, or the next open day once every room has closed. */
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.with(MeetingRoomPolicy).authorize('viewList')
    const rooms = await MeetingRoom.byName()
    const date =
      parseDay(request.input('date')) ??
      nextOpenDay(
        rooms.map((room) => room.openingHours),
        DateTime.now()
      )
    const [bookings, closures] = await Promise.all([
      bookingsBetween(date, date.plus({ days: 1 })),
      Closure.overlapping(localMidnight(date), localMidnight(date.plus({ days: 1 }))),
    ])
    const grid = rooms.length
      ? calendarGrid(
          rooms.map((room) => ({ room, date: date.toISODate()! })),
          bookings,
          closures
        )
      : null
    return view.render('pages/meeting_rooms/index', { date, rooms, grid })
  }

  /** One room's week, Monday to Sunday: this week, or the next one once the room has closed for it. */
  async show({ bouncer, params, request, view }: HttpContext) {
    await bouncer.with(MeetingRoomPolicy).authorize('view')
    const room = await MeetingRoom.findOrFail(params.id)
    const monday = (
      parseDay(request.input('week')) ?? nextOpenDay([room.openingHours], DateTime.now())
    ).startOf('week')
    const days = Array.from({ length: 7 }, (_, index) => monday.plus({ days: index }))
    const [bookings, closures] = await Promise.all([
      bookingsBetween(monday, monday.plus({ days: 7 }), room.id),
      Closure.overlapping(localMidnight(monday), localMidnight(monday.plus({ days: 7 })), room),
    ])
    const grid = calendarGrid(
      days.map((day) => ({ room, date: day.toISODate()! })),
      bookings,
      closures
    )
    return view.render('pages/meeting_rooms/show', { room, monday, days, grid })
  }

  /** The room's photo, for those who book it. */
  async photo({ bouncer, params, response }: HttpContext) {
    await bouncer.with(MeetingRoomPolicy).authorize('view')
    const room = await MeetingRoom.findOrFail(params.id)
    if (!room.photoPath) return response.notFound()
    return response.download(`${MeetingRoom.photosPath()}/${room.photoPath}`)
  }

  /** The room's description and rules, with its history. */
  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(MeetingRoomPolicy).authorize('edit')
    const room = await MeetingRoom.findOrFail(params.id)
    const history = await AuditEvent.historyOf(room)
    return view.render('pages/meeting_rooms/edit', { room, history })
  }

  /** Saves the room's rules and records the change. */
  async update(ctx: HttpContext) {
    const { bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(MeetingRoomPolicy).authorize('edit')
    const room = await MeetingRoom.findOrFail(params.id)
    const { photo, ...values } = await request.validateUsing(meetingRoomValidator)

    await room.updateRules(values, photo)

    session.flash('success', i18n.t('meeting_rooms.updated', { name: room.name }))
    return response.redirect().toRoute('meeting_rooms.show', { id: room.id })
  }
}
