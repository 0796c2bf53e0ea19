import { test } from '@japa/runner'
import fc from 'fast-check'
import { DateTime } from 'luxon'
import { closureCloses, closureCovering } from '#domain/closures'
import { localTime, toLocal } from '#domain/local_time'
import { occurrences } from '#domain/recurrence'
import { onGrid, withinOpeningHours, type OpeningHours } from '#domain/opening_hours'
import { slotStarts } from '#domain/booking_slots'
import { spansOverlap } from '#domain/overlap'

const WEEKDAYS: OpeningHours = {
  1: ['08:00', '19:00'],
  2: ['08:00', '19:00'],
  3: ['08:00', '19:00'],
  4: ['08:00', '19:00'],
  5: ['08:00', '19:00'],
  6: null,
  7: ['00:00', '23:45'],
}

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' })

test.group('Booking slots: Paris wall time and UTC', () => {
  test('a wall time in winter is UTC+1, in summer UTC+2', ({ assert }) => {
    assert.equal(localTime('2026-01-15', '10:00').instant?.toISO(), '2026-01-15T09:00:00.000Z')
    assert.equal(localTime('2026-07-15', '10:00').instant?.toISO(), '2026-07-15T08:00:00.000Z')
  })

  test('a time that does not exist (clocks forward on 2026-03-29) is refused', ({ assert }) => {
    assert.deepEqual(localTime('2026-03-29', '02:30'), { instant: null, problem: 'nonexistent' })
    assert.equal(localTime('2026-03-29', '03:00').instant?.toISO(), '2026-03-29T01:00:00.000Z')
  })

  test('a time that exists twice (clocks back on 2026-10-25) is the first one', ({ assert }) => {
    const twice = localTime('2026-10-25', '02:30')
    assert.equal(twice.problem, 'ambiguous')
    // The first 02:30 is still summer time (UTC+2).
    assert.equal(twice.instant?.toISO(), '2026-10-25T00:30:00.000Z')
  })

  test('malformed dates and times are invalid', ({ assert }) => {
    for (const [date, time] of [
      ['2026-02-30', '10:00'],
      ['30/01/2026', '10:00'],
      ['2026-01-30', '25:00'],
      ['2026-01-30', '10h'],
    ]) {
      assert.equal(localTime(date, time).problem, 'invalid', `${date} ${time}`)
    }
  })

  test('a booking holds one slot per quarter hour, end excluded', ({ assert }) => {
    const slots = slotStarts(utc('2026-01-15T09:00:00'), utc('2026-01-15T10:00:00'))
    assert.deepEqual(
      slots.map((slot) => slot.toFormat('HH:mm')),
      ['09:00', '09:15', '09:30', '09:45']
    )
  })

  test('a span off the quarter hour holds every quarter hour it touches', ({ assert }) => {
    const slots = slotStarts(utc('2026-01-15T13:05:00'), utc('2026-01-15T13:50:00'))
    assert.deepEqual(
      slots.map((slot) => slot.toFormat('HH:mm')),
      ['13:00', '13:15', '13:30', '13:45']
    )
  })

  test('any two spans that overlap share a held slot; spans apart share none', ({ assert }) => {
    const base = utc('2026-03-29T00:00:00').toMillis()
    const span = fc
      .tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 240 }))
      .map(([start, length]) => ({
        startsAt: DateTime.fromMillis(base + start * 60_000, { zone: 'utc' }),
        endsAt: DateTime.fromMillis(base + (start + length) * 60_000, { zone: 'utc' }),
      }))
    const held = (value: { startsAt: DateTime; endsAt: DateTime }) =>
      new Set(slotStarts(value.startsAt, value.endsAt).map((slot) => slot.toMillis()))
    fc.assert(
      fc.property(span, span, (a, b) => {
        const shared = [...held(a)].some((slot) => held(b).has(slot))
        if (spansOverlap(a, b)) assert.isTrue(shared)
        // Apart by a whole quarter hour or more: nothing in common.
        if (b.startsAt.toMillis() - a.endsAt.toMillis() >= 15 * 60_000) assert.isFalse(shared)
      }),
      { numRuns: 2000 }
    )
  })

  test('back-to-back bookings do not overlap; one minute more does', ({ assert }) => {
    const ten = { startsAt: utc('2026-01-15T09:00:00'), endsAt: utc('2026-01-15T10:00:00') }
    const eleven = { startsAt: utc('2026-01-15T10:00:00'), endsAt: utc('2026-01-15T11:00:00') }
    assert.isFalse(spansOverlap(ten, eleven))
    assert.isTrue(spansOverlap(ten, { ...eleven, startsAt: utc('2026-01-15T09:59:00') }))
  })

  test('opening hours are read in Paris time, whatever the season', ({ assert }) => {
    // 08:00–09:00 Paris on a Monday in winter and in summer.
    const winter = localTime('2026-01-12', '08:00').instant!
    const summer = localTime('2026-07-13', '08:00').instant!
    assert.isTrue(withinOpeningHours(WEEKDAYS, winter, winter.plus({ hours: 1 })))
    assert.isTrue(withinOpeningHours(WEEKDAYS, summer, summer.plus({ hours: 1 })))
    // 07:30 is before opening; 18:30–19:30 ends after closing; Saturday is closed.
    const early = localTime('2026-07-13', '07:30').instant!
    assert.isFalse(withinOpeningHours(WEEKDAYS, early, early.plus({ hours: 1 })))
    const late = localTime('2026-07-13', '18:30').instant!
    assert.isFalse(withinOpeningHours(WEEKDAYS, late, late.plus({ hours: 1 })))
    const saturday = localTime('2026-07-18', '10:00').instant!
    assert.isFalse(withinOpeningHours(WEEKDAYS, saturday, saturday.plus({ hours: 1 })))
  })

  test('the grid is counted from local midnight', ({ assert }) => {
    assert.isTrue(onGrid(localTime('2026-07-13', '10:30').instant!, 30))
    assert.isFalse(onGrid(localTime('2026-07-13', '10:15').instant!, 30))
    assert.isTrue(onGrid(localTime('2026-07-13', '10:15').instant!, 15))
  })
})

test.group('Booking slots: recurring series', () => {
  test('a weekly 10:00–11:00 stays at 10:00–11:00 Paris time across both changes', ({ assert }) => {
    // From 2026-03-23 (winter) to 2026-11-02 (winter again), through summer time.
    const series = occurrences('2026-03-23', '10:00', '11:00', {
      everyWeeks: 1,
      until: '2026-11-02',
    })
    assert.lengthOf(series, 33)
    for (const occurrence of series) {
      assert.equal(toLocal(occurrence.start.instant!).toFormat('HH:mm'), '10:00')
      assert.equal(toLocal(occurrence.end.instant!).toFormat('HH:mm'), '11:00')
    }
    // Its UTC time moves instead: 09:00 in winter, 08:00 in summer.
    const utcHours = (date: string) =>
      series.find((occurrence) => occurrence.date === date)!.start.instant!.toFormat('HH:mm')
    assert.equal(utcHours('2026-03-23'), '09:00')
    assert.equal(utcHours('2026-03-30'), '08:00')
    assert.equal(utcHours('2026-10-19'), '08:00')
    assert.equal(utcHours('2026-10-26'), '09:00')
  })

  test('every N weeks, for N occurrences, never more than 52', ({ assert }) => {
    const fortnightly = occurrences('2026-01-05', '14:00', '15:00', { everyWeeks: 2, count: 3 })
    assert.deepEqual(
      fortnightly.map((occurrence) => occurrence.date),
      ['2026-01-05', '2026-01-19', '2026-02-02']
    )
    assert.lengthOf(occurrences('2026-01-05', '14:00', '15:00', { everyWeeks: 1, count: 500 }), 52)
    assert.lengthOf(
      occurrences('2026-01-05', '14:00', '15:00', { everyWeeks: 1, until: '2030-01-01' }),
      52
    )
  })

  test('an occurrence on a night the clocks go forward carries its problem', ({ assert }) => {
    const series = occurrences('2026-03-22', '02:30', '03:30', { everyWeeks: 1, count: 2 })
    assert.isNull(series[0].start.problem)
    assert.equal(series[1].start.problem, 'nonexistent')
  })
})

test.group('Booking slots: closures', () => {
  const span = (from: string, to: string) => ({ startsAt: utc(from), endsAt: utc(to) })
  const closure = (buildingId: number, meetingRoomId: number | null, reason: string) => ({
    buildingId,
    meetingRoomId,
    reason,
    ...span('2027-03-01T08:00', '2027-03-01T12:00'),
  })
  const roomOfA = { id: 1, buildingId: 10 }
  const otherRoomOfA = { id: 2, buildingId: 10 }
  const roomOfB = { id: 3, buildingId: 20 }

  test("a building's closure closes each of its rooms and none of another building", ({
    assert,
  }) => {
    const building = closure(10, null, 'Inventaire')
    assert.isTrue(closureCloses(building, roomOfA))
    assert.isTrue(closureCloses(building, otherRoomOfA))
    assert.isFalse(closureCloses(building, roomOfB))
  })

  test("a room's closure closes that room only", ({ assert }) => {
    const room = closure(10, 1, 'Peinture')
    assert.isTrue(closureCloses(room, roomOfA))
    assert.isFalse(closureCloses(room, otherRoomOfA))
    assert.isFalse(closureCloses(room, roomOfB))
  })

  test('the closure covering a booking: of its room or building, overlapping it', ({ assert }) => {
    const closures = [closure(20, null, 'Ailleurs'), closure(10, 2, 'Autre salle')]
    const booking = span('2027-03-01T09:00', '2027-03-01T10:00')
    assert.isNull(closureCovering(closures, roomOfA, booking))
    assert.equal(closureCovering(closures, otherRoomOfA, booking)?.reason, 'Autre salle')
    assert.equal(closureCovering(closures, roomOfB, booking)?.reason, 'Ailleurs')
    assert.isNull(closureCovering(closures, roomOfB, span('2027-03-01T12:00', '2027-03-01T13:00')))
  })
})
