import { test } from '@japa/runner'
import { declarationsDue } from '#domain/declaration_periods'
import { day } from '#domain/periods'

const list = (periods: ReturnType<typeof declarationsDue>) =>
  periods.map((period) => `${period.kind} ${period.periodOn.toISODate()}`)

test.group('Declarations due', () => {
  test('entry, then every quarter end while hosted', ({ assert }) => {
    const due = declarationsDue({ enteredOn: day('2017-02-15'), exitOn: null }, day('2017-10-01'))
    assert.deepEqual(list(due), [
      'entry 2017-02-15',
      'quarter 2017-03-31',
      'quarter 2017-06-30',
      'quarter 2017-09-30',
    ])
  })

  test('exit replaces the quarter that falls on it; three yearly follow-ups after', ({
    assert,
  }) => {
    const due = declarationsDue(
      { enteredOn: day('2017-01-01'), exitOn: day('2017-06-30') },
      day('2021-01-01')
    )
    assert.deepEqual(list(due), [
      'entry 2017-01-01',
      'quarter 2017-03-31',
      'exit 2017-06-30',
      'follow_up 2018-06-30',
      'follow_up 2019-06-30',
      'follow_up 2020-06-30',
    ])
  })

  test('entering on a quarter end needs only the entry declaration that day', ({ assert }) => {
    const due = declarationsDue({ enteredOn: day('2017-03-31'), exitOn: null }, day('2017-07-01'))
    assert.deepEqual(list(due), ['entry 2017-03-31', 'quarter 2017-06-30'])
  })

  test('nothing is due before entry, and later periods are not due yet', ({ assert }) => {
    assert.deepEqual(
      declarationsDue({ enteredOn: day('2030-01-01'), exitOn: null }, day('2026-11-29')),
      []
    )
    assert.deepEqual(declarationsDue({ enteredOn: null, exitOn: null }, day('2026-11-29')), [])
    const due = declarationsDue({ enteredOn: day('2026-10-15'), exitOn: null }, day('2026-11-29'))
    assert.deepEqual(list(due), ['entry 2026-10-15'])
  })
})
