import { DateTime } from 'luxon'
import { minutesOf, toLocal } from '#domain/local_time'

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

/** Minutes since local midnight of a Paris wall time. */
function minutesOfDay(local: DateTime) {
  return local.hour * 60 + local.minute
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

/**
 * The day a calendar opens on when none is asked: today while one of the rooms is still
 * open, otherwise the next day one of them opens (within a week), in Paris.
 */
export function nextOpenDay(hoursOfRooms: OpeningHours[], now: DateTime) {
  const local = toLocal(now)
  for (let offset = 0; offset < 7; offset++) {
    const date = local.plus({ days: offset })
    const opens = hoursOfRooms.some((hours) => {
      const day = hours[String(date.weekday)]
      return day && (offset > 0 || minutesOfDay(local) < minutesOf(day[1]))
    })
    if (opens) return DateTime.utc(date.year, date.month, date.day)
  }
  return DateTime.utc(local.year, local.month, local.day)
}
