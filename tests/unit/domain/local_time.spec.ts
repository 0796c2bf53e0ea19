import { test } from '@japa/runner'
import { localTime } from '#domain/local_time'

test.group('Paris wall time and UTC', () => {
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
})
