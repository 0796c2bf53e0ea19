import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Company from '#models/company'
import { DomainError } from '#exceptions/domain_error'

function company(status: Company['status']) {
  const record = new Company()
  record.status = status
  return record
}

test.group('Company lifecycle', () => {
  test('candidate → hosted', ({ assert }) => {
    const record = company('candidate')
    record.host()
    assert.equal(record.status, 'hosted')
  })

  test('only a candidate becomes hosted', ({ assert }) => {
    assert.throws(() => company('hosted').host(), DomainError)
    assert.throws(() => company('alumni').host(), DomainError)
  })

  test('hosted → alumni with exit date and reason', ({ assert }) => {
    const record = company('hosted')
    record.recordExit(DateTime.fromISO('2019-06-30'), 'graduated')
    assert.equal(record.status, 'alumni')
    assert.equal(record.exitOn!.toISODate(), '2019-06-30')
    assert.equal(record.exitReason, 'graduated')
  })

  test('a candidate or an alumnus cannot exit', ({ assert }) => {
    assert.throws(() => company('candidate').recordExit(DateTime.now(), 'other'), DomainError)
    assert.throws(() => company('alumni').recordExit(DateTime.now(), 'other'), DomainError)
  })

  test('an exit more than a year ahead is refused', ({ assert }) => {
    const error = assert.throws(
      () => company('hosted').recordExit(DateTime.now().plus({ years: 2 }), 'other'),
      DomainError
    )
    assert.exists(error)
  })
})

test.group('Company lifecycle over time', () => {
  test('signed for a later start, a company stays a candidate until it arrives', ({ assert }) => {
    const record = company('hosted')
    record.enteredOn = DateTime.fromISO('2027-03-01', { zone: 'utc' })
    assert.equal(record.lifecycleOn(DateTime.fromISO('2027-02-28', { zone: 'utc' })), 'candidate')
    assert.equal(record.lifecycleOn(DateTime.fromISO('2027-03-01', { zone: 'utc' })), 'hosted')
  })
})
