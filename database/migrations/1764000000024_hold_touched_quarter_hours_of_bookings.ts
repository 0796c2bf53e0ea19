import { BaseSchema } from '@adonisjs/lucid/schema'
import { DateTime } from 'luxon'
import { slotStarts } from '#domain/booking_slots'
import { sqlDateTime } from '#helpers/sql_dates'

/**
 * A booking now holds every quarter hour it touches (slotStarts). Until now one off the
 * quarter hour (a manager's override at 14:05) held quarter hours counted from its own
 * start (14:05, 14:20, 14:35), which never met those of 14:00–15:00. The confirmed
 * bookings off the quarter hour take the quarter hours they touch; one already held by
 * another booking (an overlap made before this fix) stays with it.
 */
export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      const instant = (value: Date | string) =>
        value instanceof Date
          ? DateTime.fromJSDate(value, { zone: 'utc' })
          : DateTime.fromSQL(value, { zone: 'utc' })
      const bookings: {
        id: number
        meeting_room_id: number
        starts_at: Date | string
        ends_at: Date | string
      }[] = await db
        .from('bookings')
        .where('status', 'confirmed')
        .select('id', 'meeting_room_id', 'starts_at', 'ends_at')
      for (const booking of bookings) {
        const startsAt = instant(booking.starts_at)
        const endsAt = instant(booking.ends_at)
        const onQuarter = (value: DateTime) => value.toMillis() % (15 * 60_000) === 0
        if (onQuarter(startsAt) && onQuarter(endsAt)) continue
        await db.from('booked_slots').where('booking_id', booking.id).delete()
        await db
          .insertQuery()
          .table('booked_slots')
          .multiInsert(
            slotStarts(startsAt, endsAt).map((slot) => ({
              meeting_room_id: booking.meeting_room_id,
              starts_at: sqlDateTime(slot),
              booking_id: booking.id,
            }))
          )
          .knexQuery.onConflict(['meeting_room_id', 'starts_at'])
          .ignore()
      }
    })
  }

  /** Nothing to undo: the quarter hours held are the ones the bookings take. */
  async down() {}
}
