import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import DataRevision from '#models/data_revision'
import { RevisesData } from '#models/concerns/revises_data'
import { Audited } from '#models/concerns/audited'
import BookingNotification from '#mails/booking_notification'
import { BookingSchema } from '#database/schema'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import MeetingRoom from '#models/meeting_room'
import Company from '#models/company'
import User from '#models/user'
import Closure from '#models/closure'
import { quotaBinds } from '#domain/quota'
import { spansOverlap } from '#domain/overlap'
import { DomainError } from '#exceptions/domain_error'
import { isDeadlock, isDuplicate } from '#helpers/database_errors'
import { toLocal } from '#domain/local_time'
import { slotStarts } from '#domain/booking_slots'
import { sqlDateTime } from '#helpers/sql_dates'

/** What a booking asks for: a room, a company, a span of time, a title and attendees. */
export type BookingTerms = {
  meetingRoomId: number
  companyId: number
  startsAt: DateTime
  endsAt: DateTime
  title: string
  attendees: number
  seriesId?: number | null
}

/**
 * A meeting room held by a company for a span of time. Its slots (one row per quarter
 * hour, under a unique key per room) are written in the same transaction, so two
 * bookings of a room never overlap. Cancelled, never deleted.
 */
export default class Booking extends compose(BookingSchema, RevisesData, Audited) {
  @column()
  declare status: 'confirmed' | 'cancelled'

  @belongsTo(() => MeetingRoom)
  declare meetingRoom: BelongsTo<typeof MeetingRoom>

  @belongsTo(() => Company)
  declare company: BelongsTo<typeof Company>

  @belongsTo(() => User, { foreignKey: 'bookedById' })
  declare bookedBy: BelongsTo<typeof User>

  /** Whether the booking still holds its room. */
  get isConfirmed() {
    return this.status === 'confirmed'
  }

  /** The bookings that still hold their room (isConfirmed). */
  static confirmed = scope((query) => {
    query.where('status', 'confirmed')
  })

  /** Whether it overlaps a span of time (app/domain/overlap.ts: ends are exclusive). */
  overlaps(span: { startsAt: DateTime; endsAt: DateTime }) {
    return spansOverlap(this, span)
  }

  /** The bookings that overlap a span of time (overlaps, in SQL). */
  static overlapping = scope((query, span: { startsAt: DateTime; endsAt: DateTime }) => {
    query
      .where('starts_at', '<', sqlDateTime(span.endsAt))
      .where('ends_at', '>', sqlDateTime(span.startsAt))
  })

  /** The bookings that start from an instant (included) to another (excluded). */
  static startingBetween = scope((query, from: DateTime, to: DateTime) => {
    query.where('starts_at', '>=', sqlDateTime(from)).where('starts_at', '<', sqlDateTime(to))
  })

  /** Its length in minutes. */
  get minutes() {
    return this.endsAt.diff(this.startsAt, 'minutes').minutes
  }

  /** Its start in Paris time. */
  get localStart() {
    return toLocal(this.startsAt)
  }

  /** Its end in Paris time. */
  get localEnd() {
    return toLocal(this.endsAt)
  }

  /** Holds the booking's slots; the database refuses any slot another booking holds. */
  async holdSlots(trx: TransactionClientContract) {
    const rows = slotStarts(this.startsAt, this.endsAt).map((startsAt) => ({
      meeting_room_id: this.meetingRoomId,
      starts_at: sqlDateTime(startsAt),
      booking_id: this.id,
    }))
    try {
      await trx.table('booked_slots').multiInsert(rows)
    } catch (error) {
      // A unique key refusing a quarter hour, or MySQL breaking a deadlock between requests
      // inserting the same quarter hours at once: either way, another booking takes them;
      // the message says whose when the statement alone failed (not a deadlock's rollback).
      if (isDuplicate(error) || isDeadlock(error)) {
        const own = isDuplicate(error) && (await this.#ownCompanyHolds(rows, trx))
        throw new DomainError(
          own ? 'bookings.errors.taken_by_own_company' : 'bookings.errors.taken',
          'startTime'
        )
      }
      throw error
    }
    await DataRevision.revise(trx)
  }

  /** Whether one of these quarter hours is held by another booking of the same company. */
  async #ownCompanyHolds(rows: { starts_at: string }[], trx: TransactionClientContract) {
    const held = await trx
      .from('booked_slots')
      .join('bookings', 'bookings.id', 'booked_slots.booking_id')
      .where('booked_slots.meeting_room_id', this.meetingRoomId)
      .whereIn(
        'booked_slots.starts_at',
        rows.map((row) => row.starts_at)
      )
      .where('bookings.company_id', this.companyId)
      .whereNot('bookings.id', this.id)
      .first()
    return Boolean(held)
  }

  /** Frees the booking's slots (cancelled, or about to move). */
  async releaseSlots(trx: TransactionClientContract) {
    await trx.from('booked_slots').where('booking_id', this.id).delete()
    await DataRevision.revise(trx)
  }

  /**
   * Cancels the booking and frees its room at once: tenants until the room's cut-off,
   * managers at any time. Cancelled once, even when two people cancel it at once.
   */
  async cancel(by: User, reason: string | null, trx?: TransactionClientContract) {
    await this.changeAs(
      'booking.cancelled',
      async (booking, client) => {
        if (!booking.isConfirmed) throw new DomainError('bookings.errors.already_cancelled')
        const room = await MeetingRoom.findOrFail(booking.meetingRoomId, { client })
        booking.assertChangeableBy(by, room)
        booking.status = 'cancelled'
        booking.cancelledAt = DateTime.utc()
        booking.cancelledById = by.id
        booking.cancellationReason = reason
        booking.sequence += 1
        await booking.releaseSlots(client)
      },
      trx
    )
  }

  /**
   * Cancels the booking as its booker (or a manager) asks: this one, or this one and the
   * later ones of its series; one notice tells the company. Returns the bookings cancelled.
   */
  async cancelAsAsked(
    by: User,
    reason: string | null,
    asked: 'one' | 'following',
    trx?: TransactionClientContract
  ) {
    return DataRevision.within(trx, async (client) => {
      await this.cancel(by, reason, client)
      const later =
        asked === 'following' && this.seriesId
          ? await Booking.query({ client })
              .withScopes((scopes) => scopes.confirmed())
              .where('series_id', this.seriesId)
              .where('starts_at', '>', sqlDateTime(this.startsAt))
              .orderBy('starts_at')
          : []
      for (const booking of later) await booking.cancel(by, reason, client)
      await BookingNotification.notify(client, [
        {
          booking: this,
          notice:
            by.isManager && by.companyId !== this.companyId ? 'cancelled_by_manager' : 'cancelled',
          actor: by,
        },
      ])
      return [this, ...later]
    })
  }

  /**
   * Books a room: the room's rules (a manager may override them with a reason), the
   * company's monthly quota (managers may go beyond it) and, for its tenants, the
   * company still in the incubator that day, then the booking and its slots, which the
   * database refuses if another booking holds any of them.
   */
  static async book(
    terms: BookingTerms,
    actor: User,
    overrideReason: string | null,
    trx?: TransactionClientContract
  ) {
    return DataRevision.within(trx, (client) => this.#book(terms, actor, overrideReason, client))
  }

  /** Books in a transaction; an occurrence of a series is told with its series. */
  static async #book(
    terms: BookingTerms,
    actor: User,
    overrideReason: string | null,
    trx: TransactionClientContract
  ) {
    const room = await MeetingRoom.findOrFail(terms.meetingRoomId, { client: trx })
    const closures = await Closure.overlapping(terms.startsAt, terms.endsAt, room, trx)
    room.assertBookable(terms, terms.attendees, actor, overrideReason, closures)
    const company = quotaBinds(actor) ? await Company.locked(terms.companyId, trx) : null
    await company?.assertRoomTimeLeft(terms, trx)
    company?.assertMayBookOn(terms.startsAt)
    const booking = await this.create(
      {
        ...terms,
        bookedById: actor.id,
        status: 'confirmed',
        overrideReason: actor.isManager ? overrideReason : null,
      },
      { client: trx }
    )
    await booking.holdSlots(trx)
    // Already read: the notice sent afterwards needs them.
    booking.$setRelated('meetingRoom', room)
    if (company) booking.$setRelated('company', company)
    await booking.recordCreation('booking.created', trx)
    if (!terms.seriesId) {
      await BookingNotification.notify(trx, [{ booking, notice: 'created', actor }])
    }
    return booking
  }

  /**
   * Changes a booking's time, title or attendees under the same rules as a new one;
   * its former slots are freed in the same transaction.
   */
  async change(
    terms: Omit<BookingTerms, 'companyId' | 'meetingRoomId'>,
    actor: User,
    overrideReason: string | null,
    trx?: TransactionClientContract
  ) {
    await this.changeAs(
      'booking.updated',
      async (booking, client) => {
        if (!booking.isConfirmed) throw new DomainError('bookings.errors.already_cancelled')
        const room = await MeetingRoom.findOrFail(booking.meetingRoomId, { client })
        booking.assertChangeableBy(actor, room)
        const closures = await Closure.overlapping(terms.startsAt, terms.endsAt, room, client)
        room.assertBookable(terms, terms.attendees, actor, overrideReason, closures)
        if (quotaBinds(actor)) {
          const company = await Company.locked(booking.companyId, client)
          await company.assertRoomTimeLeft(terms, client, booking.id)
          company.assertMayBookOn(terms.startsAt)
        }
        await booking.releaseSlots(client)
        booking.title = terms.title
        booking.attendees = terms.attendees
        booking.startsAt = terms.startsAt
        booking.endsAt = terms.endsAt
        if (actor.isManager && overrideReason) booking.overrideReason = overrideReason
        booking.sequence += 1
        await booking.save()
        await booking.holdSlots(client)
        await BookingNotification.notify(client, [{ booking, notice: 'updated', actor }])
      },
      trx
    )
  }

  /** A tenant may change or cancel its company's booking until the room's cut-off. */
  assertChangeableBy(actor: User, room: MeetingRoom, now = DateTime.utc()) {
    if (actor.isManager) return
    if (!room.allowsTenantChangeOf(this.startsAt, now)) {
      throw new DomainError('bookings.errors.past_cutoff', undefined, {
        hours: room.cancellationCutoffMinutes / 60,
      })
    }
  }

  /** The values worth recording in the audit trail. */
  auditAttributes() {
    return {
      meetingRoomId: this.meetingRoomId,
      companyId: this.companyId,
      title: this.title,
      attendees: this.attendees,
      startsAt: this.startsAt.toISO(),
      endsAt: this.endsAt.toISO(),
      status: this.status,
      overrideReason: this.overrideReason,
      cancellationReason: this.cancellationReason,
    }
  }
}
