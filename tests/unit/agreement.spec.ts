import { test } from '@japa/runner'
import Agreement from '#models/agreement'
import Company from '#models/company'
import { DomainError } from '#exceptions/domain_error'
import { day } from '#domain/periods'

function agreement(status: Agreement['status'] = 'active') {
  const record = new Agreement()
  record.merge({
    status,
    startsOn: day('2026-01-01'),
    endsOn: day('2027-12-31'),
    terminatedOn: null,
    noticeMonths: 3,
    rentSteps: [1000],
  })
  return record
}

function rejection(callback: () => unknown) {
  try {
    callback()
  } catch (error) {
    if (error instanceof DomainError) return error.messageKey
    throw error
  }
  return null
}

test.group('Agreement lifecycle', () => {
  test('the state is read from the dates', ({ assert }) => {
    const record = agreement()
    assert.equal(agreement('draft').stateOn(day('2026-06-01')), 'draft')
    assert.equal(record.stateOn(day('2025-12-31')), 'upcoming')
    assert.equal(record.stateOn(day('2026-01-01')), 'active')
    assert.equal(record.stateOn(day('2027-12-31')), 'active')
    assert.equal(record.stateOn(day('2028-01-01')), 'ended')
  })

  test('signing: draft → active; the candidate enters on the start day', ({ assert }) => {
    const record = agreement('draft')
    const company = new Company()
    company.merge({ status: 'candidate', enteredOn: null })
    record.activate(company)
    assert.equal(record.status, 'active')
    assert.equal(company.status, 'hosted')
    assert.equal(company.enteredOn!.toISODate(), '2026-01-01')
    assert.equal(
      rejection(() => record.activate(company)),
      'agreements.errors.not_draft'
    )
  })

  test('termination respecting the notice', ({ assert }) => {
    const record = agreement()
    record.terminate({
      terminatedOn: day('2026-06-30'),
      noticeGivenOn: day('2026-03-31'),
      reason: 'Locaux trouvés',
    })
    assert.equal(record.status, 'terminated')
    assert.equal(record.effectiveEndsOn.toISODate(), '2026-06-30')
    assert.isNull(record.noticeOverrideReason)
    assert.equal(record.stateOn(day('2026-07-01')), 'terminated')
  })

  test('termination before the notice runs out needs an override with a reason', ({ assert }) => {
    const early = {
      terminatedOn: day('2026-04-30'),
      noticeGivenOn: day('2026-03-31'),
      reason: 'Départ',
    }
    assert.equal(
      rejection(() => agreement().terminate(early)),
      'agreements.errors.notice_not_respected'
    )

    const record = agreement()
    record.terminate({ ...early, overrideReason: 'Accord amiable' })
    assert.equal(record.terminatedOn!.toISODate(), '2026-04-30')
    assert.equal(record.noticeOverrideReason, 'Accord amiable')
  })

  test('termination outside the agreement, or of a non-active one, is refused', ({ assert }) => {
    const base = { noticeGivenOn: day('2025-01-01'), reason: 'x' }
    assert.equal(
      rejection(() => agreement().terminate({ ...base, terminatedOn: day('2025-12-31') })),
      'agreements.errors.termination_outside'
    )
    assert.equal(
      rejection(() => agreement().terminate({ ...base, terminatedOn: day('2027-12-31') })),
      'agreements.errors.termination_outside'
    )
    assert.equal(
      rejection(() => agreement('draft').terminate({ ...base, terminatedOn: day('2026-06-30') })),
      'agreements.errors.not_active'
    )
  })
})
