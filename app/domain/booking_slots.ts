import { DateTime } from 'luxon'
import { LOCAL_ZONE } from '#domain/local_zone'

/**
 * Time arithmetic for meeting room bookings (DOMAIN.md: instants in UTC, shown in
 * Europe/Paris). Pure functions, unit-tested across the daylight-saving changes.
 */

export { LOCAL_ZONE } from '#domain/local_zone'

/**
 * The unit of the booked-slots table: every booking holds one row per quarter hour
 * of its room, under a unique key, so that two bookings can never overlap whatever
 * the slot granularity of the room, now or later (granularities are multiples of it).
 */
export const SLOT_UNIT_MINUTES = 15

/** At most this many occurrences in a recurring series. */
export const MAX_OCCURRENCES = 52

/** Opening hours per ISO weekday (1 = Monday): ["08:00", "19:00"], or null when closed. */
export type OpeningHours = Record<string, [string, string] | null>

/** The incubator's usual hours: weekdays 08:00–19:00, closed at weekends. */
export const WEEKDAYS_8_TO_19: OpeningHours = {
  1: ['08:00', '19:00'],
  2: ['08:00', '19:00'],
  3: ['08:00', '19:00'],
  4: ['08:00', '19:00'],
  5: ['08:00', '19:00'],
  6: null,
  7: null,
}

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

/**
 * An instant as the bookings' DATETIME columns hold it (UTC, to the second, no
 * fraction), so that comparisons match on SQLite (text) as on MySQL.
 */
export function sqlDateTime(instant: DateTime) {
  return instant.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')
}

/** An instant as Paris wall time, for display and forms. */
export function toLocal(instant: DateTime) {
  return instant.setZone(LOCAL_ZONE)
}

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

/** Whether two spans of time overlap (ends are exclusive: 10:00–11:00 and 11:00–12:00 do not). */
export function spansOverlap(
  a: { startsAt: DateTime; endsAt: DateTime },
  b: { startsAt: DateTime; endsAt: DateTime }
) {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt
}

/** Minutes since local midnight of a Paris wall time. */
function minutesOfDay(local: DateTime) {
  return local.hour * 60 + local.minute
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

/**
 * Whether a booking lies within the room's opening hours of its (local) day: it must
 * start and end on the same local day, at or after opening, at or before closing.
 */
export function withinOpeningHours(hours: OpeningHours, startsAt: DateTime, endsAt: DateTime) {
  const start = toLocal(startsAt)
  const end = toLocal(endsAt)
  if (start.toISODate() !== end.toISODate()) return false
  const day = hours[String(start.weekday)]
  if (!day) return false
  return minutesOfDay(start) >= minutesOf(day[0]) && minutesOfDay(end) <= minutesOf(day[1])
}

/** Whether a wall time falls on the room's grid (every "granularity" minutes from midnight). */
export function onGrid(instant: DateTime, granularityMinutes: number) {
  const local = toLocal(instant)
  return local.second === 0 && minutesOfDay(local) % granularityMinutes === 0
}

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

/** A closure as the rules see it: its building, a room of it (none: every room) and a span. */
export type ClosureSpan = {
  buildingId: number
  meetingRoomId: number | null
  startsAt: DateTime
  endsAt: DateTime
  reason: string
}

/** A room as the closures see it: itself and its building. */
export type ClosedRoom = { id: number; buildingId: number }

/** Whether a closure closes a room: the room's own, or one of the whole building it is in. */
export function closureCloses(closure: ClosureSpan, room: ClosedRoom) {
  return closure.meetingRoomId === null
    ? closure.buildingId === room.buildingId
    : closure.meetingRoomId === room.id
}

/** The first closure that covers part of a booking of a room (its own or its building's). */
export function closureCovering<Closure extends ClosureSpan>(
  closures: Closure[],
  room: ClosedRoom,
  span: { startsAt: DateTime; endsAt: DateTime }
) {
  return (
    closures.find((closure) => closureCloses(closure, room) && spansOverlap(closure, span)) ?? null
  )
}
