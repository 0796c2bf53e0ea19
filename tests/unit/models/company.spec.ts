import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import AuditEvent from '#models/audit_event'
import Company from '#models/company'
import { DomainError } from '#exceptions/domain_error'
import { day } from '#domain/periods'
import { createCompany } from '#tests/support/fixtures'

/** A company at a stage of its lifecycle. */
async function company(status: Company['status']) {
  const record = await createCompany()
  record.merge({ status, enteredOn: status === 'candidate' ? null : day('2017-01-01') })
  await record.save()
  return record
}

test.group('Company lifecycle', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('candidate → hosted from its first agreement; an earlier one moves its entry', async ({
    assert,
  }) => {
    const record = await company('candidate')
    await record.enter(day('2026-03-01'))
    assert.equal(record.status, 'hosted')
    assert.equal(record.enteredOn!.toISODate(), '2026-03-01')
    await record.enter(day('2026-01-01'))
    assert.equal(record.enteredOn!.toISODate(), '2026-01-01')
    await record.enter(day('2026-06-01'))
    assert.equal(record.enteredOn!.toISODate(), '2026-01-01')
    const events = await AuditEvent.historyOf(record)
    assert.deepEqual(
      events.map((event) => event.action),
      ['company.hosted', 'company.hosted']
    )
  })

  test('hosted → alumni with exit date and reason, recorded', async ({ assert }) => {
    const record = await company('hosted')
    await record.recordExit(DateTime.fromISO('2019-06-30'), 'graduated')
    await record.refresh()
    assert.equal(record.status, 'alumni')
    assert.equal(record.exitOn!.toISODate(), '2019-06-30')
    assert.equal(record.exitReason, 'graduated')
    const [event] = await AuditEvent.historyOf(record)
    assert.equal(event.action, 'company.exited')
    assert.equal(event.beforeValues!.status, 'hosted')
    assert.equal(event.afterValues!.status, 'alumni')
  })

  test('a candidate or an alumnus cannot exit', async ({ assert }) => {
    for (const status of ['candidate', 'alumni'] as const) {
      const record = await company(status)
      await assert.rejects(() => record.recordExit(DateTime.now(), 'other'), DomainError)
    }
  })

  test('an exit more than a year ahead is refused, and nothing is recorded', async ({ assert }) => {
    const record = await company('hosted')
    await assert.rejects(
      () => record.recordExit(DateTime.now().plus({ years: 2 }), 'other'),
      DomainError
    )
    assert.lengthOf(await AuditEvent.historyOf(record), 0)
  })

  test('a hosted company is never archived; others are, and come back', async ({ assert }) => {
    const hosted = await company('hosted')
    await assert.rejects(() => hosted.archive(), DomainError)
    const record = await company('alumni')
    await record.archive()
    assert.isTrue(record.isArchived)
    await record.unarchive()
    assert.isFalse(record.isArchived)
  })
})

test.group('States of a record just created', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a new company is not archived, and its admission records it so', async ({ assert }) => {
    const admitted = await Company.admit({
      name: 'Nouvelle Venue',
      siret: null,
      siren: null,
      legalForm: null,
      nafCode: null,
      sector: 'software',
      digital: true,
      foundedOn: null,
      contactName: null,
      email: null,
      phone: null,
      website: null,
      notes: null,
      bookingQuotaMinutes: null,
    })
    assert.isFalse(admitted.isArchived)
    const [event] = await AuditEvent.historyOf(admitted)
    assert.isFalse(event.afterValues!.archived)
  })
})
