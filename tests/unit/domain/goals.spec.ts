import { test } from '@japa/runner'
import { elapsedShare, expectedOn, goalProgress } from '#domain/goals'
import { day } from '#domain/periods'

/** The Nouvelle Forge's goal: 80 jobs from November 2016 to the end of October 2019. */
const goal = { startsOn: day('2016-11-01'), endsOn: day('2019-10-31'), targetJobs: 80 }

test.group('Goals: trajectory and on-track', () => {
  test('time elapsed runs from 0 at the start to 1 at the end, never beyond', ({ assert }) => {
    assert.equal(elapsedShare(goal, day('2016-10-01')), 0)
    assert.equal(elapsedShare(goal, day('2016-11-01')), 0)
    assert.equal(elapsedShare(goal, day('2019-10-31')), 1)
    assert.equal(elapsedShare(goal, day('2021-01-01')), 1)
    // 2018-05-01 is 546 days into a goal of 1094 days.
    assert.closeTo(elapsedShare(goal, day('2018-05-01')), 546 / 1094, 1e-9)
  })

  test('the straight line goes from the start figure to the target', ({ assert }) => {
    assert.equal(expectedOn(goal, 2, day('2016-11-01')), 2)
    assert.equal(expectedOn(goal, 2, day('2019-10-31')), 80)
    assert.closeTo(expectedOn(goal, 2, day('2018-05-01')), 2 + 78 * (546 / 1094), 1e-9)
  })

  test('on track at or above the line, late below it', ({ assert }) => {
    const on = day('2017-07-05')
    const expected = expectedOn(goal, 2, on)
    assert.closeTo(expected, 19.5, 0.1)

    const ahead = goalProgress(goal, 2, 25, on)
    assert.isTrue(ahead.onTrack)
    assert.equal(ahead.progress, 25 / 80)
    assert.closeTo(ahead.gap, 25 - expected, 1e-9)

    assert.isFalse(goalProgress(goal, 2, 19, on).onTrack)
    assert.isTrue(goalProgress(goal, 2, 20, on).onTrack)
  })

  test('before its start a goal is neither on nor off track; after its end, reached or not', ({
    assert,
  }) => {
    const before = goalProgress(goal, 0, 5, day('2016-06-01'))
    assert.isFalse(before.started)
    assert.isNull(before.onTrack)

    const after = goalProgress(goal, 2, 40, day('2020-01-01'))
    assert.isTrue(after.over)
    assert.isFalse(after.reached)
    assert.isFalse(after.onTrack)
    assert.isTrue(goalProgress(goal, 2, 81, day('2020-01-01')).reached)
  })
})
