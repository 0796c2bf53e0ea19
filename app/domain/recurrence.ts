import { DateTime } from 'luxon'
import { localTime, type LocalTime } from '#domain/local_time'

/** At most this many occurrences in a recurring series. */
export const MAX_OCCURRENCES = 52

/** A recurrence: every N weeks, until a day (included) or for a number of occurrences. */
export type Recurrence = { everyWeeks: number; until?: string | null; count?: number | null }

/**
 * The occurrences of a weekly series as local wall times, each kept at the same Paris
 * time whatever the daylight-saving changes in between (10:00–11:00 stays 10:00–11:00).
 * Bounded: never more than MAX_OCCURRENCES.
 */
export function occurrences(
  date: string,
  startTime: string,
  endTime: string,
  recurrence: Recurrence
): { date: string; start: LocalTime; end: LocalTime }[] {
  const first = DateTime.fromISO(date, { zone: 'utc' })
  const limit = Math.min(recurrence.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES)
  const until = recurrence.until ? DateTime.fromISO(recurrence.until, { zone: 'utc' }) : null
  const list = []
  for (let index = 0; index < limit; index++) {
    const day = first.plus({ weeks: index * recurrence.everyWeeks })
    if (until && day > until) break
    const isoDay = day.toISODate()!
    list.push({
      date: isoDay,
      start: localTime(isoDay, startTime),
      end: localTime(isoDay, endTime),
    })
  }
  return list
}
