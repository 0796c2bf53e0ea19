import { spansOverlap } from '#domain/overlap'
import { DateTime } from 'luxon'
import type Booking from '#models/booking'
import type MeetingRoom from '#models/meeting_room'
import { closureCovering, type ClosureSpan } from '#domain/closures'
import { hhmm, localTime, minutesOf, toLocal } from '#domain/local_time'
import { onGrid } from '#domain/opening_hours'

/** One column of a calendar: a room on a day (the week view: one room, seven days; the day view: every room, one day). */
export type CalendarColumn = { room: MeetingRoom; date: string }

/** What a cell of the calendar shows. */
export type CalendarCell =
  | { state: 'closed' }
  | { state: 'past' }
  | { state: 'free'; bookable: boolean; start: string; end: string }
  | { state: 'busy'; booking: Booking; rows: number }
  | { state: 'covered' }
  | { state: 'closure'; reason: string; rows: number }

/**
 * The rows of a calendar, from the earliest opening to the latest closing of its
 * columns, one per step (the finest slot granularity among its rooms). A booking
 * fills the cell of its first row and spans the rows it covers; outside opening
 * hours cells are closed; in a closure they show its reason; before now they are past;
 * otherwise free, linkable when on
 * the room's grid. Bookings must have their company loaded.
 */
export function calendarGrid(
  columns: CalendarColumn[],
  bookings: Booking[],
  closures: ClosureSpan[] = [],
  now = DateTime.utc()
) {
  const step = Math.min(...columns.map((column) => column.room.slotMinutes))
  const hoursOf = (column: CalendarColumn) => {
    const weekday = DateTime.fromISO(column.date, { zone: 'utc' }).weekday
    return column.room.openingHours[String(weekday)] ?? null
  }
  const opened = columns.map(hoursOf).filter((hours): hours is [string, string] => hours !== null)
  const first = opened.length ? Math.min(...opened.map((hours) => minutesOf(hours[0]))) : 8 * 60
  const last = opened.length ? Math.max(...opened.map((hours) => minutesOf(hours[1]))) : 19 * 60
  const from = Math.floor(first / step) * step

  const bookingsOf = columns.map((column) =>
    bookings.filter(
      (booking) =>
        booking.meetingRoomId === column.room.id &&
        toLocal(booking.startsAt).toISODate() === column.date
    )
  )
  const coveredUntil = columns.map(() => -1)

  const rows = []
  for (let minutes = from; minutes < last; minutes += step) {
    const time = hhmm(minutes)
    const cells: CalendarCell[] = columns.map((column, index) => {
      if (minutes < coveredUntil[index]) return { state: 'covered' }
      const slot = localTime(column.date, time)
      if (!slot.instant) return { state: 'closed' }
      const slotEnd = slot.instant.plus({ minutes: step })
      const booking = bookingsOf[index].find((candidate) =>
        spansOverlap(candidate, { startsAt: slot.instant!, endsAt: slotEnd })
      )
      if (booking) {
        const endMinutes = Math.min(
          last,
          minutes + Math.ceil(booking.endsAt.diff(slot.instant, 'minutes').minutes / step) * step
        )
        coveredUntil[index] = endMinutes
        return { state: 'busy', booking, rows: Math.max(1, (endMinutes - minutes) / step) }
      }
      const closure = closureCovering(closures, column.room, {
        startsAt: slot.instant,
        endsAt: slotEnd,
      })
      if (closure) {
        // One cell for the whole closure (its reason once), up to the next booking inside it.
        const nextBooking = bookingsOf[index]
          .filter((candidate) => candidate.startsAt > slot.instant!)
          .map((candidate) => candidate.startsAt)
          .reduce((earliest, start) => (start < earliest ? start : earliest), closure.endsAt)
        const endMinutes = Math.min(
          last,
          minutes + Math.ceil(nextBooking.diff(slot.instant, 'minutes').minutes / step) * step
        )
        coveredUntil[index] = endMinutes
        return {
          state: 'closure',
          reason: closure.reason,
          rows: Math.max(1, (endMinutes - minutes) / step),
        }
      }
      const hours = hoursOf(column)
      if (!hours || minutes < minutesOf(hours[0]) || minutes + step > minutesOf(hours[1])) {
        return { state: 'closed' }
      }
      if (slot.instant < now) return { state: 'past' }
      // The link offers the room's usual length, cut at closing time or at the next booking.
      const nextBusy = bookingsOf[index]
        .filter((candidate) => candidate.startsAt > slot.instant!)
        .map((candidate) => minutes + candidate.startsAt.diff(slot.instant!, 'minutes').minutes)
      const end = Math.max(
        minutes + column.room.minMinutes,
        Math.min(minutes + column.room.usualMinutes, minutesOf(hours[1]), ...nextBusy)
      )
      return {
        state: 'free',
        bookable: onGrid(slot.instant, column.room.slotMinutes),
        start: time,
        end: hhmm(end),
      }
    })
    rows.push({ time, cells })
  }
  return { step, rows }
}
