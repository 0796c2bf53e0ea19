import { test } from '@japa/runner'
import { isDatabaseUnavailable, isDeadlock, isDuplicate } from '#helpers/database_errors'

test.group('Database errors', () => {
  test('a unique key refusing a row, on MySQL and on SQLite', ({ assert }) => {
    assert.isTrue(isDuplicate({ code: 'ER_DUP_ENTRY' }))
    assert.isTrue(isDuplicate({ code: 'SQLITE_CONSTRAINT_UNIQUE' }))
    assert.isFalse(isDuplicate({ code: 'ER_LOCK_DEADLOCK' }))
    assert.isFalse(isDuplicate(new Error('other')))
  })

  test('a transaction given up to break a deadlock', ({ assert }) => {
    assert.isTrue(isDeadlock({ code: 'ER_LOCK_DEADLOCK' }))
    assert.isFalse(isDeadlock({ code: 'ER_DUP_ENTRY' }))
    assert.isFalse(isDeadlock(null))
  })

  test('a database out of reach is neither', ({ assert }) => {
    const refused = { code: 'ECONNREFUSED' }
    assert.isTrue(isDatabaseUnavailable(refused))
    assert.isFalse(isDuplicate(refused))
    assert.isFalse(isDeadlock(refused))
  })
})
