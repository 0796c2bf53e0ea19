import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { Audited } from '#models/concerns/audited'
import { randomUUID } from 'node:crypto'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import app from '@adonisjs/core/services/app'
import { MeetingRoomSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Building from '#models/building'
import type User from '#models/user'
import type Closure from '#models/closure'
import { closureCovering } from '#domain/closures'
import { DomainError } from '#exceptions/domain_error'
import { localTime, minutesOf, toLocal } from '#domain/local_time'
import { onGrid, withinOpeningHours, type OpeningHours } from '#domain/opening_hours'
import { SLOT_UNIT_MINUTES } from '#domain/booking_slots'
import { sortByName } from '#helpers/collation'

/** A room's rules as the managers' form gives them. */
export type RoomRules = {
  capacity: number
  equipment?: string | null
  description?: string | null
  slotMinutes: number
  minMinutes: number
  maxMinutes: number
  advanceDays: number
  cancellationCutoffMinutes: number
  tenantsMayBook?: boolean
} & Partial<Record<`opens${number}` | `closes${number}`, string | null>>

/** A span of time asked for a booking, as typed (Paris time) and as instants (UTC). */
export type BookingSpan = { startsAt: DateTime; endsAt: DateTime }

/**
 * One of the shared meeting rooms that hosted companies book, with its booking rules:
 * opening hours, slot grid, durations, how far ahead, cancellation cut-off.
 */
export default class MeetingRoom extends compose(MeetingRoomSchema, RevisesData, Audited) {
  /**
   * The length a booking form offers first: an hour, within the room's shortest and longest
   * booking, on its slot grid.
   */
  get usualMinutes() {
    const hour = Math.min(Math.max(60, this.minMinutes), this.maxMinutes)
    return Math.max(this.slotMinutes, Math.floor(hour / this.slotMinutes) * this.slotMinutes)
  }

  /** MySQL returns DECIMAL columns as strings. */
  @column({ consume: (value) => Number(value) })
  declare areaSqm: number

  @column({
    consume: (value: string) => JSON.parse(value),
    prepare: (value: OpeningHours) => JSON.stringify(value),
  })
  declare openingHours: OpeningHours

  /** SQLite and MySQL return booleans as 0/1. */
  @column({ consume: (value) => Boolean(value) })
  declare tenantsMayBook: boolean

  @belongsTo(() => Building)
  declare building: BelongsTo<typeof Building>

  /** Rooms in French order of their names (all of them, or those a query finds). */
  static async byName(query: PromiseLike<MeetingRoom[]> = this.query()) {
    return sortByName(await query, (room) => room.name)
  }

  /** Where the rooms' photos are kept (outside the public folder: served to logged-in users). */
  static photosPath() {
    return app.makePath('storage/rooms')
  }

  /**
   * The span typed in a form (a day, a start and an end in Paris time) as instants.
   * Refuses a time that does not exist that day (clocks going forward) and an end
   * at or before the start. A time that exists twice is read as the first one.
   */
  static spanOf(date: string, startTime: string, endTime: string): BookingSpan {
    const start = localTime(date, startTime)
    const end = localTime(date, endTime)
    if (start.problem === 'invalid')
      throw new DomainError('bookings.errors.invalid_time', 'startTime')
    if (end.problem === 'invalid') throw new DomainError('bookings.errors.invalid_time', 'endTime')
    if (start.problem === 'nonexistent') {
      throw new DomainError('bookings.errors.nonexistent_time', 'startTime')
    }
    if (end.problem === 'nonexistent') {
      throw new DomainError('bookings.errors.nonexistent_time', 'endTime')
    }
    if (end.instant! <= start.instant!) {
      throw new DomainError('bookings.errors.end_before_start', 'endTime')
    }
    return { startsAt: start.instant!, endsAt: end.instant! }
  }

  /**
   * Checks a booking of this room against its rules. Always refused: the past, times off
   * the quarter hour (the unit of the booked slots; a manager's override moves a booking
   * off the room's own grid, never off this one) and more attendees than seats. The room's
   * rules (tenants allowed, opening hours, grid, durations, how far ahead) bind tenants;
   * a manager may override them with a reason.
   */
  assertBookable(
    span: BookingSpan,
    attendees: number,
    actor: User,
    overrideReason: string | null,
    closures: Closure[] = [],
    now = DateTime.utc()
  ) {
    if (span.startsAt < now) throw new DomainError('bookings.errors.past', 'date')
    for (const [instant, field] of [
      [span.startsAt, 'startTime'],
      [span.endsAt, 'endTime'],
    ] as const) {
      if (!onGrid(instant, SLOT_UNIT_MINUTES)) {
        throw new DomainError('bookings.errors.off_quarter_hour', field)
      }
    }
    if (attendees > this.capacity) {
      throw new DomainError('bookings.errors.over_capacity', 'attendees', {
        capacity: this.capacity,
      })
    }
    const broken = this.brokenRule(span, now, closures)
    if (!broken) return
    if (actor.isManager && overrideReason) return
    throw new DomainError(
      actor.isManager ? 'bookings.errors.override_needs_reason' : broken.key,
      actor.isManager ? 'overrideReason' : broken.field,
      { ...broken.data, rule: broken.key }
    )
  }

  /** The first of the room's own rules a span breaks, if any. */
  brokenRule(span: BookingSpan, now: DateTime, closures: Closure[] = []) {
    const minutes = span.endsAt.diff(span.startsAt, 'minutes').minutes
    const lastDay = toLocal(now)
      .startOf('day')
      .plus({ days: this.advanceDays + 1 })
    if (!this.tenantsMayBook)
      return { key: 'bookings.errors.not_bookable', field: 'meetingRoomId', data: {} }
    const closure = closureCovering(closures, this, span)
    if (closure) {
      return { key: 'bookings.errors.closed', field: 'date', data: { reason: closure.reason } }
    }
    if (!withinOpeningHours(this.openingHours, span.startsAt, span.endsAt)) {
      return { key: 'bookings.errors.outside_hours', field: 'startTime', data: {} }
    }
    if (!onGrid(span.startsAt, this.slotMinutes) || !onGrid(span.endsAt, this.slotMinutes)) {
      return {
        key: 'bookings.errors.off_grid',
        field: 'startTime',
        data: { minutes: this.slotMinutes },
      }
    }
    if (minutes < this.minMinutes) {
      return {
        key: 'bookings.errors.too_short',
        field: 'endTime',
        data: { minutes: this.minMinutes },
      }
    }
    if (minutes > this.maxMinutes) {
      return {
        key: 'bookings.errors.too_long',
        field: 'endTime',
        data: { minutes: this.maxMinutes },
      }
    }
    if (span.startsAt >= lastDay) {
      return { key: 'bookings.errors.too_far', field: 'date', data: { days: this.advanceDays } }
    }
    return null
  }

  /** A manager's changes to the room's description and rules, and a new photo if any. */
  async updateRules(values: RoomRules, photo?: MultipartFile, trx?: TransactionClientContract) {
    await this.changeAs(
      'meeting_room.updated',
      async (room) => {
        room.#setRules(values)
        if (photo) {
          // A new name each time: browsers never show a former photo from their cache.
          const name = `${room.id}-${randomUUID()}.${photo.extname}`
          await photo.move(MeetingRoom.photosPath(), { name })
          room.photoPath = name
        }
      },
      trx
    )
  }

  /**
   * Sets the room's description and rules from the managers' form (opening and
   * closing times per weekday, "opens1"…"closes7"; both empty means closed that day).
   */
  #setRules(values: RoomRules) {
    const hours: OpeningHours = {}
    for (let weekday = 1; weekday <= 7; weekday++) {
      const opens = values[`opens${weekday}`] ?? null
      const closes = values[`closes${weekday}`] ?? null
      if (!opens && !closes) {
        hours[weekday] = null
        continue
      }
      if (!opens || !closes || minutesOf(closes) <= minutesOf(opens)) {
        throw new DomainError('meeting_rooms.errors.closes_before_opens', `closes${weekday}`)
      }
      hours[weekday] = [opens, closes]
    }
    if (values.maxMinutes < values.minMinutes) {
      throw new DomainError('meeting_rooms.errors.max_below_min', 'maxMinutes')
    }
    if (values.minMinutes % values.slotMinutes !== 0) {
      throw new DomainError('meeting_rooms.errors.min_off_grid', 'minMinutes', {
        minutes: values.slotMinutes,
      })
    }
    this.capacity = values.capacity
    this.equipment = values.equipment ?? null
    this.description = values.description ?? null
    this.slotMinutes = values.slotMinutes
    this.minMinutes = values.minMinutes
    this.maxMinutes = values.maxMinutes
    this.advanceDays = values.advanceDays
    this.cancellationCutoffMinutes = values.cancellationCutoffMinutes
    this.tenantsMayBook = Boolean(values.tenantsMayBook)
    this.openingHours = hours
  }

  /** Whether a booking starting then may still be cancelled or changed by a tenant. */
  allowsTenantChangeOf(startsAt: DateTime, now = DateTime.utc()) {
    return startsAt.diff(now, 'minutes').minutes >= this.cancellationCutoffMinutes
  }

  /** The values worth recording in the audit trail. */
  auditAttributes() {
    return {
      name: this.name,
      capacity: this.capacity,
      equipment: this.equipment,
      description: this.description,
      openingHours: JSON.stringify(this.openingHours),
      slotMinutes: this.slotMinutes,
      minMinutes: this.minMinutes,
      maxMinutes: this.maxMinutes,
      advanceDays: this.advanceDays,
      cancellationCutoffMinutes: this.cancellationCutoffMinutes,
      tenantsMayBook: this.tenantsMayBook,
      photoPath: this.photoPath,
    }
  }
}
