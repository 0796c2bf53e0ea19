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
import type User from '#models/user'
import { DomainError } from '#exceptions/domain_error'
import BookingNotification from '#mails/booking_notification'
import { parseDay } from '#domain/periods'
import { occurrences, type Recurrence } from '#domain/recurrence'

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

/** Ends a dry run: its transaction rolls back. */
const DRY_RUN = Symbol('dry run')

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
   * A series as the booking form asks for it: an end (a last day or a number of sessions)
   * is required, and the first session's times must exist.
   */
  static requestFrom(
    input: Omit<SeriesRequest, 'recurrence'> & {
      repeatEvery?: number
      repeatUntil?: string
      repeatCount?: number
    }
  ): SeriesRequest {
    if (!input.repeatUntil && !input.repeatCount) {
      throw new DomainError('bookings.errors.series_end_required', 'repeatUntil')
    }
    MeetingRoom.spanOf(input.date, input.startTime, input.endTime)
    return {
      meetingRoomId: input.meetingRoomId,
      companyId: input.companyId,
      date: input.date,
      startTime: input.startTime,
      endTime: input.endTime,
      title: input.title,
      attendees: input.attendees,
      recurrence: {
        everyWeeks: input.repeatEvery ?? 1,
        until: input.repeatUntil ?? null,
        count: input.repeatCount ?? null,
      },
    }
  }

  /**
   * Checks every occurrence of a series without booking anything: a dry run of booking each
   * one (Booking.book: the time exists, the room's rules that a manager's reason overrides,
   * the room free, the company's monthly quota and stay), rolled back at the end.
   */
  static async plan(
    request: SeriesRequest,
    actor: User,
    overrideReason: string | null
  ): Promise<PlannedOccurrence[]> {
    assertRealDays(request)
    let planned: PlannedOccurrence[] = []
    try {
      await DataRevision.transaction(async (trx) => {
        const attempt = await this.#attempt(request, actor, overrideReason, trx)
        planned = attempt.planned
        throw DRY_RUN
      })
    } catch (error) {
      if (error !== DRY_RUN) throw error
    }
    return planned
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
    assertRealDays(request)
    return DataRevision.within(trx, async (client) => {
      const { series, planned, made } = await this.#attempt(request, actor, overrideReason, client)
      const conflicts = planned.filter((entry) => entry.problem).length
      if (conflicts && !skipConflicts) {
        throw new DomainError('bookings.errors.series_conflicts', 'date', { count: conflicts })
      }
      if (!made.length) throw new DomainError('bookings.errors.series_empty', 'date')
      await BookingNotification.notify(client, [
        { booking: made[0], notice: 'series_created', actor, occurrences: made },
      ])
      return { series, bookings: made, skipped: planned.length - made.length }
    })
  }

  /**
   * Books each occurrence as a single booking, in its own savepoint: those refused are kept
   * with the rule that refused them, and leave nothing behind.
   */
  static async #attempt(
    request: SeriesRequest,
    actor: User,
    overrideReason: string | null,
    trx: TransactionClientContract
  ) {
    await Company.findOrFail(request.companyId, { client: trx })
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
    const planned: PlannedOccurrence[] = []
    const made: Booking[] = []
    const list = occurrences(request.date, request.startTime, request.endTime, request.recurrence)
    for (const entry of list) {
      const occurrence = {
        date: entry.date,
        startsAt: entry.start.instant,
        endsAt: entry.end.instant,
      }
      if (!occurrence.startsAt || !occurrence.endsAt) {
        planned.push({
          ...occurrence,
          problem: { key: 'bookings.errors.nonexistent_time', data: {} },
        })
        continue
      }
      try {
        const booking = await DataRevision.savepoint(trx, (savepoint) =>
          Booking.book(
            {
              meetingRoomId: request.meetingRoomId,
              companyId: request.companyId,
              title: request.title,
              attendees: request.attendees,
              startsAt: occurrence.startsAt!,
              endsAt: occurrence.endsAt!,
              seriesId: series.id,
            },
            actor,
            overrideReason,
            savepoint
          )
        )
        made.push(booking)
        planned.push({ ...occurrence, problem: null })
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
        planned.push({ ...occurrence, problem: { key: error.messageKey, data: error.data } })
      }
    }
    return { series, planned, made }
  }
}
