import { DateTime } from 'luxon'

/**
 * The booked slots: how a booking holds its room (DOMAIN.md). Two spans that overlap
 * (app/domain/overlap.ts) always share a quarter hour, and the database holds each quarter
 * hour once.
 */

/**
 * The unit of the booked-slots table: every booking holds one row per quarter hour
 * of its room, under a unique key, so that two bookings can never overlap whatever
 * the slot granularity of the room, now or later (granularities are multiples of it).
 */
export const SLOT_UNIT_MINUTES = 15

/**
 * The booked-slot starts (UTC) that a booking from start to end holds: every quarter hour
 * it touches, counted from the quarter hour its start falls in. Two spans that overlap
 * share at least one instant, hence the quarter hour around it: the unique key of the
 * booked slots refuses the second, whatever their minutes (14:05–14:50 and 14:00–15:00).
 */
export function slotStarts(startsAt: DateTime, endsAt: DateTime) {
  const unit = SLOT_UNIT_MINUTES * 60_000
  const starts: DateTime[] = []
  for (
    let slot = Math.floor(startsAt.toMillis() / unit) * unit;
    slot < endsAt.toMillis();
    slot += unit
  ) {
    starts.push(DateTime.fromMillis(slot, { zone: 'utc' }))
  }
  return starts
}
