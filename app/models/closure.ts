import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { Audited } from '#models/concerns/audited'
import DataRevision from '#models/data_revision'
import BookingNotification from '#mails/booking_notification'
import { ClosureSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import MeetingRoom from '#models/meeting_room'
import Building from '#models/building'
import Booking from '#models/booking'
import type User from '#models/user'
import { DomainError } from '#exceptions/domain_error'
import { localTime, toLocal } from '#domain/local_time'
import { sqlDateTime } from '#helpers/sql_dates'
import { type ClosedRoom } from '#domain/closures'

/**
 * A period when a meeting room, or every room of a building (no room), cannot be
 * booked, with its reason. Lifted rather than deleted.
 */
export default class Closure extends compose(ClosureSchema, RevisesData, Audited) {
  /** The building closed, or the one of the room closed. */
  @column()
  declare buildingId: number

  @belongsTo(() => Building)
  declare building: BelongsTo<typeof Building>

  @belongsTo(() => MeetingRoom)
  declare meetingRoom: BelongsTo<typeof MeetingRoom>

  /** Whether it still closes its room or the building. */
  get isActive() {
    return !this.liftedAt
  }

  /** Its start in Paris time. */
  get localStart() {
    return toLocal(this.startsAt)
  }

  /** Its end in Paris time. */
  get localEnd() {
    return toLocal(this.endsAt)
  }

  /**
   * What it closes, as a message for t(): a room and its building, or every room of a
   * building (meetingRoom and building preloaded).
   */
  get place() {
    return this.meetingRoom
      ? {
          key: 'closures.room_place',
          data: { room: this.meetingRoom.name, building: this.building.name },
        }
      : { key: 'closures.building_place', data: { building: this.building.name } }
  }

  /** Refuses a room of another building than the one a closure is for. */
  static async assertRoomIn(buildingId: number, roomId: number | null | undefined) {
    if (!roomId) return
    const room = await MeetingRoom.findOrFail(roomId)
    if (room.buildingId !== buildingId) {
      throw new DomainError('closures.errors.room_elsewhere', 'meetingRoomId')
    }
  }

  /** The period typed by a manager (days and Paris times) as instants; the end after the start. */
  static spanOf(startsOn: string, startTime: string, endsOn: string, endTime: string) {
    const start = localTime(startsOn, startTime)
    const end = localTime(endsOn, endTime)
    if (!start.instant) throw new DomainError('bookings.errors.nonexistent_time', 'startTime')
    if (!end.instant) throw new DomainError('bookings.errors.nonexistent_time', 'endTime')
    if (end.instant <= start.instant) {
      throw new DomainError('closures.errors.ends_before_start', 'endsOn')
    }
    return { startsAt: start.instant, endsAt: end.instant }
  }

  /** Active closures overlapping a span, for one room (its own and its building's) or all. */
  static overlapping(
    from: DateTime,
    to: DateTime,
    room?: ClosedRoom,
    client?: QueryClientContract
  ) {
    const query = this.query({ client })
      .whereNull('lifted_at')
      .where('starts_at', '<', sqlDateTime(to))
      .where('ends_at', '>', sqlDateTime(from))
      .orderBy('starts_at')
    if (room) {
      query
        .where('building_id', room.buildingId)
        .where((scope) => scope.whereNull('meeting_room_id').orWhere('meeting_room_id', room.id))
    }
    return query
  }

  /** The confirmed bookings that fall in this closure: the manager decides to cancel them. */
  bookingsInside(client?: QueryClientContract) {
    const query = Booking.query({ client })
      .withScopes((scopes) => {
        scopes.confirmed()
        scopes.overlapping(this)
      })
      .preload('company', (company) => company.select('id', 'name'))
      .preload('meetingRoom', (room) => room.select('id', 'name'))
      .orderBy('starts_at')
    if (this.meetingRoomId) query.where('meeting_room_id', this.meetingRoomId)
    else {
      query.whereIn(
        'meeting_room_id',
        MeetingRoom.query({ client }).where('building_id', this.buildingId).select('id')
      )
    }
    return query
  }

  /**
   * Closes a room (or every room of a building) for a period, with its reason; the bookings
   * inside stay until a manager cancels them (cancelBookingsInside).
   */
  static async close(
    closure: {
      buildingId: number
      meetingRoomId: number | null
      reason: string
      startsAt: DateTime
      endsAt: DateTime
    },
    by: User,
    trx?: TransactionClientContract
  ) {
    await this.assertRoomIn(closure.buildingId, closure.meetingRoomId)
    return DataRevision.within(trx, async (client) => {
      const created = await this.create({ ...closure, createdById: by.id }, { client })
      await created.recordCreation('closure.created', client)
      return created
    })
  }

  /** Lifts the closure: the room (or the building's rooms) may be booked again. */
  async lift(by: User, trx?: TransactionClientContract) {
    await this.changeAs(
      'closure.lifted',
      (closure) => {
        if (!closure.isActive) throw new DomainError('closures.errors.already_lifted')
        closure.liftedAt = DateTime.utc()
        closure.liftedById = by.id
      },
      trx
    )
  }

  /**
   * Cancels the confirmed bookings inside the closure, for its reason, and tells each
   * company. Returns them.
   */
  async cancelBookingsInside(by: User, trx?: TransactionClientContract) {
    return DataRevision.within(trx, async (client) => {
      const bookings = await this.bookingsInside(client)
      for (const booking of bookings) await booking.cancel(by, this.reason, client)
      await BookingNotification.notify(
        client,
        bookings.map((booking) => ({ booking, notice: 'cancelled_by_manager', actor: by }))
      )
      return bookings
    })
  }

  /** The values worth recording in the audit trail. */
  auditAttributes() {
    return {
      buildingId: this.buildingId,
      meetingRoomId: this.meetingRoomId,
      startsAt: this.startsAt?.toISO() ?? null,
      endsAt: this.endsAt?.toISO() ?? null,
      reason: this.reason,
      liftedAt: this.liftedAt?.toISO() ?? null,
    }
  }
}
