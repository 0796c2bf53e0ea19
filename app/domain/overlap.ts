import type { DateTime } from 'luxon'

/** Whether two spans of time overlap (ends are exclusive: 10:00–11:00 and 11:00–12:00 do not). */
export function spansOverlap(
  a: { startsAt: DateTime; endsAt: DateTime },
  b: { startsAt: DateTime; endsAt: DateTime }
) {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt
}
