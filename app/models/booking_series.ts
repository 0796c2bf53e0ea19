import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import DataRevision from '#models/data_revision'
import { RevisesData } from '#models/concerns/revises_data'
// The schema generator singularizes "series" as "sery".
import { BookingSerySchema as BookingSeriesSchema } from '#database/schema'
import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Booking from '#models/booking'
import MeetingRoom from '#models/meeting_room'
import Company from '#models/company'
import Closure from '#models/closure'
import type User from '#models/user'
import { DomainError } from '#exceptions/domain_error'
import BookingNotification from '#mails/booking_notification'
import { parseDay } from '#domain/periods'
import {
  occurrences,
  spansOverlap,
  sqlDateTime,
  LOCAL_ZONE,
  type Recurrence,
} from '#domain/booking_slots'

/** A series as asked in the booking form. */
export type SeriesRequest = {
  meetingRoomId: number
  companyId: number
  date: string
  startTime: string
  endTime: string
  title: string
  attendees: number
  recurrence: Recurrence
}

/** One occurrence of a planned series: bookable, or the reason it is not. */
export type PlannedOccurrence = {
  date: string
  startsAt: DateTime | null
  endsAt: DateTime | null
  problem: { key: string; data: Record<string, unknown> } | null
}

/**
 * Refuses a series whose first or last day does not exist (2027-02-30) or falls outside the
 * incubator's years, whoever plans it (the form checks it too): Luxon compares an invalid
 * date as false, so such a last day bounded nothing (up to 52 sessions planned), then
 * failed to save the series (a 500).
 */
function assertRealDays(request: SeriesRequest) {
  for (const [day, field] of [
    [request.date, 'date'],
    [request.recurrence.until, 'repeatUntil'],
  ] as const) {
    if (day && !parseDay(day)) {
      throw new DomainError('validator.shared.messages.calendarDate', field)
    }
  }
}

/**
 * A recurring booking: weekly or every N weeks, until a day or for N occurrences
 * (never more than 52). Every occurrence is checked like a single booking; the user
 * sees the conflicts first and chooses to skip them or to give up the whole request.
 */
export default class BookingSeries extends compose(BookingSeriesSchema, RevisesData) {
  static table = 'booking_series'

  @hasMany(() => Booking, { foreignKey: 'seriesId' })
  declare bookings: HasMany<typeof Booking>

  /**
   * Checks every occurrence of a series without booking anything: the time exists,
   * the room's rules (a manager's reason overrides them), no confirmed booking
   * overlaps, the company's monthly quota (tenants). Three queries whatever its length.
   */
  static async plan(
    request: SeriesRequest,
    actor: User,
    overrideReason: string | null,
    client?: TransactionClientContract
  ): Promise<PlannedOccurrence[]> {
    assertRealDays(request)
    const room = await MeetingRoom.findOrFail(request.meetingRoomId, { client })
    const company = await Company.findOrFail(request.companyId, { client })
    const list = occurrences(request.date, request.startTime, request.endTime, request.recurrence)
    const instants = list.flatMap((entry) => [entry.start.instant, entry.end.instant])
    const known = instants.filter((instant): instant is DateTime => instant !== null)
    if (!known.length) {
      return list.map((entry) => ({
        date: entry.date,
        startsAt: null,
        endsAt: null,
        problem: { key: 'bookings.errors.nonexistent_time', data: {} },
      }))
    }
    const from = DateTime.min(...known)!
      .setZone(LOCAL_ZONE)
      .startOf('month')
      .toUTC()
    const to = DateTime.max(...known)!
      .setZone(LOCAL_ZONE)
      .endOf('month')
      .toUTC()
    const booked = await Booking.query({ client })
      .where('status', 'confirmed')
      .where('starts_at', '<', sqlDateTime(to))
      .where('ends_at', '>', sqlDateTime(from))
      .where((query) => query.where('meeting_room_id', room.id).orWhere('company_id', company.id))
    const quota = await Booking.quotaMinutesOf(company, client)
    const closures = await Closure.overlapping(from, to, room, client)
    const minutesByMonth = new Map<string, number>()
    for (const booking of booked.filter((entry) => entry.companyId === company.id)) {
      const month = booking.localStart.toFormat('yyyy-MM')
      minutesByMonth.set(month, (minutesByMonth.get(month) ?? 0) + booking.minutes)
    }
    const roomBookings = booked.filter((entry) => entry.meetingRoomId === room.id)

    return list.map((entry) => {
      const problem = (key: string, data: Record<string, unknown> = {}) => ({
        date: entry.date,
        startsAt: entry.start.instant,
        endsAt: entry.end.instant,
        problem: { key, data },
      })
      if (!entry.start.instant || !entry.end.instant) {
        return problem('bookings.errors.nonexistent_time')
      }
      const span = { startsAt: entry.start.instant, endsAt: entry.end.instant }
      try {
        room.assertBookable(span, request.attendees, actor, overrideReason, closures)
      } catch (error) {
        if (error instanceof DomainError) return problem(error.messageKey, error.data)
        throw error
      }
      if (!actor.isManager && !company.mayBookOn(span.startsAt)) {
        return problem('bookings.errors.company_gone')
      }
      if (roomBookings.some((booking) => spansOverlap(booking, span))) {
        return problem('bookings.errors.taken')
      }
      const month = span.startsAt.setZone(LOCAL_ZONE).toFormat('yyyy-MM')
      const minutes = span.endsAt.diff(span.startsAt, 'minutes').minutes
      const used = minutesByMonth.get(month) ?? 0
      if (!actor.isManager && used + minutes > quota) {
        return problem('bookings.errors.over_quota', {
          quota: quota / 60,
          left: Math.max(0, quota - used) / 60,
        })
      }
      minutesByMonth.set(month, used + minutes)
      return { date: entry.date, ...span, problem: null }
    })
  }

  /**
   * Books a series: every bookable occurrence, each in its own savepoint so that one
   * taken meanwhile is skipped (or, when the user chose all or nothing, fails the
   * whole request); one notice tells the booker. Returns the series with the bookings made.
   */
  static async book(
    request: SeriesRequest,
    actor: User,
    overrideReason: string | null,
    skipConflicts: boolean,
    trx?: TransactionClientContract
  ) {
    return DataRevision.within(trx, (client) =>
      this.#book(request, actor, overrideReason, skipConflicts, client)
    )
  }

  static async #book(
    request: SeriesRequest,
    actor: User,
    overrideReason: string | null,
    skipConflicts: boolean,
    trx: TransactionClientContract
  ) {
    const planned = await this.plan(request, actor, overrideReason, trx)
    const conflicts = planned.filter((entry) => entry.problem)
    if (conflicts.length && !skipConflicts) {
      throw new DomainError('bookings.errors.series_conflicts', 'date', {
        count: conflicts.length,
      })
    }
    const bookable = planned.filter((entry) => !entry.problem)
    if (!bookable.length) throw new DomainError('bookings.errors.series_empty', 'date')

    const series = await this.create(
      {
        meetingRoomId: request.meetingRoomId,
        companyId: request.companyId,
        createdById: actor.id,
        title: request.title,
        firstOn: DateTime.fromISO(request.date, { zone: 'utc' }),
        startTime: request.startTime,
        endTime: request.endTime,
        everyWeeks: request.recurrence.everyWeeks,
        untilOn: request.recurrence.until
          ? DateTime.fromISO(request.recurrence.until, { zone: 'utc' })
          : null,
        occurrences: request.recurrence.count ?? null,
      },
      { client: trx }
    )
    const made: Booking[] = []
    for (const entry of bookable) {
      try {
        const booking = await DataRevision.savepoint(trx, (savepoint) =>
          Booking.book(
            {
              meetingRoomId: request.meetingRoomId,
              companyId: request.companyId,
              title: request.title,
              attendees: request.attendees,
              startsAt: entry.startsAt!,
              endsAt: entry.endsAt!,
              seriesId: series.id,
            },
            actor,
            overrideReason,
            savepoint
          )
        )
        made.push(booking)
      } catch (error) {
        if (!(error instanceof DomainError) || !skipConflicts) throw error
      }
    }
    if (!made.length) throw new DomainError('bookings.errors.series_empty', 'date')
    await BookingNotification.notify(trx, [
      { booking: made[0], notice: 'series_created', actor, occurrences: made },
    ])
    return { series, bookings: made, skipped: planned.length - made.length }
  }
}
