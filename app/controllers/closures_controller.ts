import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import Closure from '#models/closure'
import MeetingRoom from '#models/meeting_room'
import Building from '#models/building'
import AuditEvent from '#models/audit_event'
import ClosurePolicy from '#policies/closure_policy'
import { closureValidator } from '#validators/closure'
import { sqlDateTime } from '#helpers/sql_dates'
import { toLocal } from '#domain/local_time'

/**
 * Closures of a meeting room or of every room of a building: managers declare them; the
 * bookings already inside are listed for them to cancel (the companies are told).
 */
export default class ClosuresController {
  /** Closures under way and to come, then the past and lifted ones. */
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with(ClosurePolicy).authorize('viewList')
    const now = sqlDateTime(DateTime.utc())
    const [current, past] = await Promise.all([
      Closure.query()
        .whereNull('lifted_at')
        .where('ends_at', '>', now)
        .preload('meetingRoom')
        .preload('building')
        .orderBy('starts_at'),
      Closure.query()
        .where((query) => query.whereNotNull('lifted_at').orWhere('ends_at', '<=', now))
        .preload('meetingRoom')
        .preload('building')
        .orderBy('starts_at', 'desc')
        .limit(50),
    ])
    return view.render('pages/closures/index', { current, past })
  }

  /** The closure form: a building, one of its rooms or all, from a day and time to another. */
  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(ClosurePolicy).authorize('create')
    const [buildings, rooms] = await Promise.all([
      Building.choices(),
      MeetingRoom.byName(MeetingRoom.query().select('id', 'name', 'building_id')),
    ])
    const tomorrow = toLocal(DateTime.utc()).plus({ days: 1 }).toISODate()
    return view.render('pages/closures/create', {
      buildings: buildings.map((building) => ({
        building,
        rooms: rooms.filter((room) => room.buildingId === building.id),
      })),
      values: {
        buildingId: buildings[0]?.id,
        startsOn: tomorrow,
        startTime: '00:00',
        endsOn: tomorrow,
        endTime: '23:45',
      },
    })
  }

  /** Records the closure, then shows the bookings it catches. */
  async store(ctx: HttpContext) {
    const { auth, bouncer, request, response, session, i18n } = ctx
    await bouncer.with(ClosurePolicy).authorize('create')
    const values = await request.validateUsing(closureValidator)
    const span = Closure.spanOf(values.startsOn, values.startTime, values.endsOn, values.endTime)
    const closure = await Closure.close(
      {
        buildingId: values.buildingId,
        meetingRoomId: values.meetingRoomId ?? null,
        reason: values.reason,
        ...span,
      },
      auth.getUserOrFail()
    )

    session.flash('success', i18n.t('closures.created'))
    return response.redirect().toRoute('closures.show', { id: closure.id })
  }

  /** A closure and the confirmed bookings inside it. */
  async show({ bouncer, params, view }: HttpContext) {
    await bouncer.with(ClosurePolicy).authorize('view')
    const closure = await Closure.query()
      .where('id', params.id)
      .preload('meetingRoom')
      .preload('building')
      .firstOrFail()
    const [bookings, history] = await Promise.all([
      closure.isActive ? closure.bookingsInside() : Promise.resolve([]),
      AuditEvent.historyOf(closure),
    ])
    return view.render('pages/closures/show', { closure, bookings, history })
  }
}
