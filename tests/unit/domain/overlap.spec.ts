import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { spansOverlap } from '#domain/overlap'

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' })

test.group('Overlap', () => {
  test('back-to-back bookings do not overlap; one minute more does', ({ assert }) => {
    const ten = { startsAt: utc('2026-01-15T09:00:00'), endsAt: utc('2026-01-15T10:00:00') }
    const eleven = { startsAt: utc('2026-01-15T10:00:00'), endsAt: utc('2026-01-15T11:00:00') }
    assert.isFalse(spansOverlap(ten, eleven))
    assert.isTrue(spansOverlap(ten, { ...eleven, startsAt: utc('2026-01-15T09:59:00') }))
  })
})
