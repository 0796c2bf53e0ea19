import { test } from '@japa/runner'
import { maxStayEndsOn, assertWithinStay } from '#domain/stay_limit'
import { DomainError } from '#exceptions/domain_error'
import { day } from '#domain/periods'

test.group('Maximum stay', () => {
  test('48 months from entry end the day before the fourth anniversary', ({ assert }) => {
    assert.equal(maxStayEndsOn(day('2016-11-01'), 48).toISODate(), '2020-10-31')
    assert.equal(maxStayEndsOn(day('2016-01-31'), 48).toISODate(), '2020-01-30')
  })

  test('an end after the last day of the stay is refused with the limit as data', ({ assert }) => {
    const limit = { months: 48, limit: day('2020-10-31') }
    assertWithinStay(day('2020-10-31'), limit)
    const error = assert.throws(() => assertWithinStay(day('2020-11-01'), limit), DomainError)
    assert.exists(error)
  })
})
