import { test } from '@japa/runner'
import fc from 'fast-check'
import { DateTime } from 'luxon'
import { slotStarts } from '#domain/booking_slots'
import { spansOverlap } from '#domain/overlap'

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' })

test.group('Booked slots', () => {
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
})
