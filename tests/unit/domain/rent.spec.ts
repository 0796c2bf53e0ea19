import { test } from '@japa/runner'
import {
  earliestEndAfterNotice,
  monthlyRentCents,
  rentForMonth,
  stepPriceFor,
  stepsAreProgressive,
  yearOfStay,
} from '#domain/rent'
import { day, intersection, overlaps } from '#domain/periods'

const steps = [1000, 1150, 1300]

test.group('Rent steps', () => {
  test('the year of stay counts from entry', ({ assert }) => {
    const entered = day('2016-11-01')
    assert.equal(yearOfStay(entered, day('2016-11-01')), 1)
    assert.equal(yearOfStay(entered, day('2017-10-31')), 1)
    assert.equal(yearOfStay(entered, day('2017-11-01')), 2)
    assert.equal(yearOfStay(entered, day('2018-11-01')), 3)
    assert.equal(yearOfStay(entered, day('2020-06-15')), 4)
  })

  test('year 3 and after share the last step', ({ assert }) => {
    assert.equal(stepPriceFor(steps, 1), 1000)
    assert.equal(stepPriceFor(steps, 2), 1150)
    assert.equal(stepPriceFor(steps, 3), 1300)
    assert.equal(stepPriceFor(steps, 4), 1300)
  })

  test('monthly rent = area × step price, in cents', ({ assert }) => {
    assert.equal(monthlyRentCents(18.5, 1000), 18500)
    assert.equal(monthlyRentCents(21.25, 1150), 24438)
  })

  test('steps must be positive and never go down', ({ assert }) => {
    assert.isTrue(stepsAreProgressive([1000, 1150, 1300]))
    assert.isTrue(stepsAreProgressive([1000, 1000, 1000]))
    assert.isFalse(stepsAreProgressive([1150, 1000, 1300]))
    assert.isFalse(stepsAreProgressive([0, 1000, 1300]))
    assert.isFalse(stepsAreProgressive([]))
  })
})

test.group('Rent for a month', () => {
  const agreement = {
    startsOn: day('2017-01-16'),
    endsOn: day('2017-12-31'),
    areaSqm: 20,
    steps,
    enteredOn: day('2017-01-16'),
  }

  test('a full month costs exactly area × step', ({ assert }) => {
    assert.deepEqual(rentForMonth(agreement, day('2017-03-10')), {
      days: 31,
      daysInMonth: 31,
      stepCents: 1000,
      rentCents: 20000,
    })
  })

  test('a partial month is prorated by day', ({ assert }) => {
    // 16 days out of 31 in January 2017.
    assert.deepEqual(rentForMonth(agreement, day('2017-01-01')), {
      days: 16,
      daysInMonth: 31,
      stepCents: 1000,
      rentCents: Math.round((20000 * 16) / 31),
    })
  })

  test('a step change mid-month is prorated on each side', ({ assert }) => {
    const long = { ...agreement, endsOn: day('2018-12-31') }
    // Year 2 starts on 2018-01-16: 15 days at 10 €, 16 days at 11,50 €.
    const rent = rentForMonth(long, day('2018-01-01'))!
    assert.equal(rent.rentCents, Math.round((20000 * 15) / 31 + (23000 * 16) / 31))
    assert.equal(rent.stepCents, 1150)
  })

  test('February of a leap year has 29 days', ({ assert }) => {
    const leap = {
      ...agreement,
      startsOn: day('2020-02-15'),
      endsOn: day('2020-12-31'),
      enteredOn: day('2020-02-15'),
    }
    const rent = rentForMonth(leap, day('2020-02-01'))!
    assert.equal(rent.daysInMonth, 29)
    assert.equal(rent.days, 15)
  })

  test('a month outside the agreement owes nothing', ({ assert }) => {
    assert.isNull(rentForMonth(agreement, day('2018-02-01')))
  })
})

test.group('Periods, maximum stay and notice', () => {
  test('periods overlap when they share a day, ends included', ({ assert }) => {
    const a = { startsOn: day('2017-01-01'), endsOn: day('2017-06-30') }
    assert.isTrue(overlaps(a, { startsOn: day('2017-06-30'), endsOn: day('2017-12-31') }))
    assert.isFalse(overlaps(a, { startsOn: day('2017-07-01'), endsOn: day('2017-12-31') }))
    assert.isTrue(overlaps(a, { startsOn: day('2016-01-01'), endsOn: day('2018-01-01') }))
    assert.isNull(intersection(a, { startsOn: day('2018-01-01'), endsOn: day('2018-02-01') }))
  })

  test('notice runs in whole months from the day it is given', ({ assert }) => {
    assert.equal(earliestEndAfterNotice(day('2017-03-15'), 3).toISODate(), '2017-06-14')
    assert.equal(earliestEndAfterNotice(day('2017-11-30'), 3).toISODate(), '2018-02-28')
  })
})
