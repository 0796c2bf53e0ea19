import { test } from '@japa/runner'
import { localTime } from '#domain/local_time'
import { onGrid, withinOpeningHours, type OpeningHours } from '#domain/opening_hours'

const WEEKDAYS: OpeningHours = {
  1: ['08:00', '19:00'],
  2: ['08:00', '19:00'],
  3: ['08:00', '19:00'],
  4: ['08:00', '19:00'],
  5: ['08:00', '19:00'],
  6: null,
  7: ['00:00', '23:45'],
}

test.group('Opening hours', () => {
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
