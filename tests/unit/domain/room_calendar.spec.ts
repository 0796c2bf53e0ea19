import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import MeetingRoom from '#models/meeting_room'
import Booking from '#models/booking'
import { calendarGrid } from '#domain/room_calendar'

/** A room open 08:00–19:00 every day, without the database. */
function room(rules: { slotMinutes: number; minMinutes: number; maxMinutes: number }) {
  const opening = Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].map((day) => [String(day), ['08:00', '19:00'] as [string, string]])
  )
  return new MeetingRoom().merge({ id: 1, buildingId: 10, openingHours: opening, ...rules })
}

/** A booking of room 1 (times in Paris, winter: UTC+1). */
function booking(from: string, to: string) {
  return new Booking().merge({
    meetingRoomId: 1,
    startsAt: DateTime.fromISO(from, { zone: 'Europe/Paris' }).toUTC(),
    endsAt: DateTime.fromISO(to, { zone: 'Europe/Paris' }).toUTC(),
  })
}

const date = '2030-01-15'
const past = DateTime.fromISO('2020-01-01T00:00:00Z') as DateTime<true>
const rowAt = (grid: ReturnType<typeof calendarGrid>, time: string) =>
  grid.rows.find((row) => row.time === time)!.cells[0]

test.group('Room calendar', () => {
  test('a free slot offers an hour, the usual length, within the room limits', ({ assert }) => {
    const halfHours = room({ slotMinutes: 30, minMinutes: 30, maxMinutes: 240 })
    const grid = calendarGrid([{ room: halfHours, date }], [], [], past)
    assert.deepInclude(rowAt(grid, '10:00'), { state: 'free', start: '10:00', end: '11:00' })
    assert.deepInclude(rowAt(grid, '18:30'), { end: '19:00' }, 'cut at closing time')

    const longOnly = room({ slotMinutes: 30, minMinutes: 120, maxMinutes: 240 })
    const long = calendarGrid([{ room: longOnly, date }], [], [], past)
    assert.deepInclude(rowAt(long, '10:00'), { end: '12:00' }, 'never shorter than the minimum')

    const shortOnly = room({ slotMinutes: 15, minMinutes: 15, maxMinutes: 45 })
    const short = calendarGrid([{ room: shortOnly, date }], [], [], past)
    assert.deepInclude(rowAt(short, '10:00'), { end: '10:45' }, 'never longer than the maximum')
  })

  test('a free slot before a booking offers the time up to that booking', ({ assert }) => {
    const halfHours = room({ slotMinutes: 30, minMinutes: 30, maxMinutes: 240 })
    const taken = booking(`${date}T10:30`, `${date}T11:30`)
    const grid = calendarGrid([{ room: halfHours, date }], [taken], [], past)
    assert.deepInclude(rowAt(grid, '10:00'), { state: 'free', end: '10:30' })
  })

  test('a closure is one cell over its rows, its reason once, up to a booking inside it', ({
    assert,
  }) => {
    const halfHours = room({ slotMinutes: 30, minMinutes: 30, maxMinutes: 240 })
    const closure = {
      buildingId: 10,
      meetingRoomId: null,
      reason: 'Inventaire',
      startsAt: DateTime.fromISO(`${date}T09:00`, { zone: 'Europe/Paris' }).toUTC(),
      endsAt: DateTime.fromISO(`${date}T12:00`, { zone: 'Europe/Paris' }).toUTC(),
    }
    const grid = calendarGrid([{ room: halfHours, date }], [], [closure], past)
    const states = grid.rows.map((row) => row.cells[0].state)
    assert.equal(states.filter((state) => state === 'closure').length, 1)
    assert.deepInclude(rowAt(grid, '09:00'), { state: 'closure', reason: 'Inventaire', rows: 6 })
    assert.equal(rowAt(grid, '11:30').state, 'covered')
    assert.equal(rowAt(grid, '12:00').state, 'free')

    const inside = booking(`${date}T10:00`, `${date}T11:00`)
    const withBooking = calendarGrid([{ room: halfHours, date }], [inside], [closure], past)
    assert.deepInclude(rowAt(withBooking, '09:00'), { state: 'closure', rows: 2 })
    assert.equal(rowAt(withBooking, '10:00').state, 'busy')
    assert.deepInclude(rowAt(withBooking, '11:00'), { state: 'closure', rows: 2 })
  })
})
