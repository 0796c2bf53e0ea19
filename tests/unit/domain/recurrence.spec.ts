import { test } from '@japa/runner'
import { toLocal } from '#domain/local_time'
import { occurrences } from '#domain/recurrence'

test.group('Recurring series', () => {
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
