import { DateTime } from 'luxon'
import { LOCAL_ZONE } from '#domain/local_zone'

/**
 * Wall time in Paris (DOMAIN.md: instants in UTC, shown in Europe/Paris): reading a day and
 * a time typed in Paris as an instant, across the daylight-saving changes, and back.
 */

export { LOCAL_ZONE } from '#domain/local_zone'

/** What a local wall time turned out to be on its day. */
export type LocalTime =
  | { instant: DateTime; problem: null }
  | { instant: DateTime; problem: 'ambiguous' }
  | { instant: null; problem: 'nonexistent' | 'invalid' }

/**
 * A wall time in Paris on a day, as a UTC instant. The rule on the nights the clocks
 * change: a time that does not exist (02:30 on the last Sunday of March) is refused;
 * a time that exists twice (02:30 on the last Sunday of October) is read as the first
 * of the two (still summer time) and flagged as ambiguous.
 */
export function localTime(date: string, time: string): LocalTime {
  const key = `${date} ${time}`
  let known = localTimes.get(key)
  if (!known) {
    if (localTimes.size >= 50_000) localTimes.clear()
    known = Object.freeze(readLocalTime(date, time))
    localTimes.set(key, known)
  }
  return known
}

/**
 * Wall times already read: the same few thousand (days of the weeks on screen × slots)
 * come back on every calendar, and reading one through the time zone rules is the
 * costliest step of a week view (the benchmark's profile). Frozen: shared by callers.
 */
const localTimes = new Map<string, LocalTime>()

function readLocalTime(date: string, time: string): LocalTime {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) {
    return { instant: null, problem: 'invalid' }
  }
  const local = DateTime.fromISO(`${date}T${time}`, { zone: LOCAL_ZONE })
  if (!local.isValid) return { instant: null, problem: 'invalid' }
  // Luxon moves a time that does not exist forward by an hour: it no longer reads the same.
  if (local.toFormat('yyyy-MM-dd HH:mm') !== `${date} ${time}`) {
    return { instant: null, problem: 'nonexistent' }
  }
  const offsets = local.getPossibleOffsets()
  if (offsets.length > 1) {
    const first = offsets.sort((a, b) => a.toMillis() - b.toMillis())[0]
    return { instant: first.toUTC(), problem: 'ambiguous' }
  }
  return { instant: local.toUTC(), problem: null }
}

/** An instant as Paris wall time, for display and forms. */
export function toLocal(instant: DateTime) {
  return instant.setZone(LOCAL_ZONE)
}

/** "08:30" as minutes since midnight. */
export function minutesOf(time: string) {
  const [hours, minutes] = time.split(':').map(Number)
  return hours * 60 + minutes
}

/** Minutes since midnight as "08:30" (the inverse of minutesOf). */
export function hhmm(minutes: number) {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}
