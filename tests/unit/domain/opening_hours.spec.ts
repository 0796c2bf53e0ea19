import { test } from '@japa/runner'
import { localTime } from '#domain/local_time'
import { DateTime } from 'luxon'
import {
  nextOpenDay,
  onGrid,
  withinOpeningHours,
  type OpeningHours,
  WEEKDAYS_8_TO_19,
} from '#domain/opening_hours'

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

  test('a calendar opens on today while a room is open, else on the next day one opens', ({
    assert,
  }) => {
    const at = (iso: string) => nextOpenDay([WEEKDAYS_8_TO_19], DateTime.fromISO(iso)).toISODate()
    // Thursday 3 December 2026, Paris (UTC+1).
    assert.equal(at('2026-12-03T17:59:00Z'), '2026-12-03')
    assert.equal(at('2026-12-03T18:00:00Z'), '2026-12-04')
    // Friday evening: the rooms open again on Monday.
    assert.equal(at('2026-12-04T19:30:00Z'), '2026-12-07')
    // Just after midnight in Paris, still the evening before in UTC.
    assert.equal(at('2026-12-03T23:30:00Z'), '2026-12-04')
    // A room open on Saturday morning brings Saturday forward.
    const saturday: OpeningHours = { ...WEEKDAYS_8_TO_19, 6: ['09:00', '13:00'] }
    assert.equal(
      nextOpenDay(
        [WEEKDAYS_8_TO_19, saturday],
        DateTime.fromISO('2026-12-04T19:30:00Z')
      ).toISODate(),
      '2026-12-05'
    )
    // Rooms never open: today.
    assert.equal(
      nextOpenDay([], DateTime.fromISO('2026-12-04T19:30:00Z')).toISODate(),
      '2026-12-04'
    )
  })
})
