import { test } from '@japa/runner'
import { rejection, recorded } from '#tests/support/models'
import testUtils from '@adonisjs/core/services/test_utils'
import Agreement from '#models/agreement'
import AuditEvent from '#models/audit_event'
import { DomainError } from '#exceptions/domain_error'
import { day } from '#domain/periods'
import { Settings } from 'luxon'
import { createCompany } from '#tests/support/fixtures'
import { createCell, openAgreement } from '#tests/support/agreements'

/** A signed agreement of a new company on a new cell, 2026-01-01 to 2027-12-31, three months' notice. */
async function signedAgreement() {
  const company = await createCompany()
  const cell = await createCell()
  const agreement = await openAgreement({
    companyId: company.id,
    cellIds: [cell.id],
    startsOn: day('2026-01-01'),
    endsOn: day('2027-12-31'),
  })
  await agreement.activate()
  return { agreement, company, cell }
}

test.group('Agreement lifecycle', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  // The agreements below run through 2026 and 2027: their story is told on a fixed day.
  group.each.setup(() => {
    Settings.now = () => Date.parse('2026-06-15T10:00:00Z')
    return () => {
      Settings.now = () => Date.now()
    }
  })

  test('the state is read from the dates', ({ assert }) => {
    const record = new Agreement()
    record.merge({
      status: 'active',
      startsOn: day('2026-01-01'),
      endsOn: day('2027-12-31'),
      terminatedOn: null,
    })
    assert.equal(record.stateOn(day('2025-12-31')), 'upcoming')
    assert.equal(record.stateOn(day('2026-01-01')), 'active')
    assert.equal(record.stateOn(day('2027-12-31')), 'active')
    assert.equal(record.stateOn(day('2028-01-01')), 'ended')
    record.status = 'draft'
    assert.equal(record.stateOn(day('2026-06-01')), 'draft')
  })

  test('it ends during a period on its last day, its termination day when terminated', ({
    assert,
  }) => {
    const record = new Agreement()
    record.merge({
      status: 'active',
      startsOn: day('2026-01-01'),
      endsOn: day('2027-12-31'),
      terminatedOn: null,
    })
    const december = { startsOn: day('2027-12-01'), endsOn: day('2027-12-31') }
    const june = { startsOn: day('2026-06-01'), endsOn: day('2026-06-30') }
    assert.isTrue(record.endsDuring(december))
    assert.isFalse(record.endsDuring(june))
    record.terminatedOn = day('2026-06-30')
    assert.isTrue(record.endsDuring(june))
    assert.isFalse(record.endsDuring(december))
    record.merge({ status: 'draft', terminatedOn: null })
    assert.isFalse(record.endsDuring(december), 'a draft ends nothing')
  })

  test('opening records a draft with its cells', async ({ assert }) => {
    const company = await createCompany()
    const cell = await createCell({ code: 'B-12' })
    const agreement = await openAgreement({ companyId: company.id, cellIds: [cell.id] })
    assert.equal(agreement.status, 'draft')
    const [event] = await AuditEvent.historyOf(agreement)
    assert.equal(event.action, 'agreement.created')
    assert.equal(event.afterValues!.cells, 'B-12')
    assert.isNull(event.userId)
  })

  test('discarding: a draft only, recorded, its cells free; never signed afterwards', async ({
    assert,
  }) => {
    const company = await createCompany()
    const cell = await createCell()
    const terms = { companyId: company.id, cellIds: [cell.id] }
    const draft = await openAgreement(terms)
    assert.equal(await rejection(() => openAgreement(terms)), 'agreements.errors.overlap')

    await draft.discard()
    assert.equal(draft.status, 'discarded')
    assert.equal(draft.stateOn(day('2026-06-01')), 'discarded')
    assert.deepEqual(await recorded(draft), ['agreement.created', 'agreement.discarded'])
    assert.isNull(await rejection(() => openAgreement(terms)), 'the cell is free again')
    assert.equal(await rejection(() => draft.activate()), 'agreements.errors.not_draft')
    assert.equal(await rejection(() => draft.discard()), 'agreements.errors.not_draft_discard')

    const { agreement: signed } = await signedAgreement()
    assert.equal(await rejection(() => signed.discard()), 'agreements.errors.not_draft_discard')
    assert.notInclude(await recorded(signed), 'agreement.discarded')
  })

  test('revising a draft: its terms and cells change under the drafting rules, recorded', async ({
    assert,
  }) => {
    const [first, second] = [await createCompany('Première'), await createCompany('Seconde')]
    const [a, b, c] = [
      await createCell({ code: 'R-1' }),
      await createCell({ code: 'R-2' }),
      await createCell({ code: 'R-3' }),
    ]
    const draft = await openAgreement({ companyId: first.id, cellIds: [a.id] })
    const other = await openAgreement({
      companyId: second.id,
      cellIds: [c.id],
      startsOn: day('2027-01-01'),
      endsOn: day('2027-12-31'),
    })
    const terms = {
      companyId: second.id,
      cellIds: [a.id, b.id],
      startsOn: day('2026-02-01'),
      endsOn: day('2026-12-31'),
      noticeMonths: 2,
      rentSteps: [900, 1000],
      monthlyChargesCents: 3000,
      depositCents: 50000,
    }

    // Its own cell over an overlapping period is no clash; another agreement's cell is.
    await draft.revise(terms)
    await draft.load('cells')
    assert.equal(draft.companyId, second.id)
    assert.deepEqual(draft.cells.map((cell) => cell.code).sort(), ['R-1', 'R-2'])
    assert.equal(draft.startsOn.toISODate(), '2026-02-01')
    assert.deepEqual(draft.rentSteps, [900, 1000])
    assert.equal(draft.depositCents, 50000)
    const [event] = await AuditEvent.historyOf(draft)
    assert.equal(event.action, 'agreement.revised')
    assert.deepInclude(event.beforeValues!, {
      cells: 'R-1',
      companyId: first.id,
      depositCents: 40000,
    })
    assert.deepInclude(event.afterValues!, { cells: 'R-1, R-2', companyId: second.id })

    const clash = { ...terms, cellIds: [a.id, c.id], endsOn: day('2027-03-31') }
    assert.equal(await rejection(() => draft.revise(clash)), 'agreements.errors.overlap')
    const late = { ...terms, endsOn: day('2031-01-01') }
    assert.equal(await rejection(() => draft.revise(late)), 'agreements.errors.beyond_max_stay')
    const backwards = { ...terms, endsOn: day('2026-01-01') }
    assert.equal(
      await rejection(() => draft.revise(backwards)),
      'agreements.errors.end_before_start'
    )
    const falling = { ...terms, rentSteps: [1000, 900] }
    assert.equal(
      await rejection(() => draft.revise(falling)),
      'agreements.errors.steps_out_of_order'
    )
    await draft.load('cells')
    assert.deepEqual(
      draft.cells.map((cell) => cell.code).sort(),
      ['R-1', 'R-2'],
      'nothing half-saved'
    )
    assert.deepEqual(await recorded(draft), ['agreement.created', 'agreement.revised'])

    // Signed, then discarded: no longer a draft, never revised.
    await other.activate()
    assert.equal(await rejection(() => other.revise(terms)), 'agreements.errors.not_draft_edit')
    await draft.discard()
    assert.equal(await rejection(() => draft.revise(terms)), 'agreements.errors.not_draft_edit')
  })

  test('signing: draft → active; the candidate enters on the start day; signed once', async ({
    assert,
  }) => {
    const { agreement, company } = await signedAgreement()
    await company.refresh()
    assert.equal(agreement.status, 'active')
    assert.equal(company.status, 'hosted')
    assert.equal(company.enteredOn!.toISODate(), '2026-01-01')
    assert.deepEqual(await recorded(agreement), ['agreement.created', 'agreement.activated'])
    assert.deepEqual(await recorded(company), ['company.hosted'])

    assert.equal(await rejection(() => agreement.activate()), 'agreements.errors.not_draft')
    assert.deepEqual(await recorded(agreement), ['agreement.created', 'agreement.activated'])
  })

  test('termination respecting the notice, recorded with the values before and after', async ({
    assert,
  }) => {
    const { agreement } = await signedAgreement()
    await agreement.terminate({
      terminatedOn: day('2026-06-30'),
      noticeGivenOn: day('2026-03-31'),
      reason: 'Locaux trouvés',
    })
    await agreement.refresh()
    assert.equal(agreement.status, 'terminated')
    assert.equal(agreement.effectiveEndsOn.toISODate(), '2026-06-30')
    assert.isNull(agreement.noticeOverrideReason)
    assert.equal(agreement.stateOn(day('2026-06-30')), 'ending')
    assert.equal(agreement.stateOn(day('2026-07-01')), 'terminated')
    const [event] = await AuditEvent.historyOf(agreement)
    assert.equal(event.action, 'agreement.terminated')
    assert.equal(event.beforeValues!.status, 'active')
    assert.equal(event.afterValues!.terminatedOn, '2026-06-30')
  })

  test('termination before the notice runs out needs an override with a reason', async ({
    assert,
  }) => {
    const { agreement } = await signedAgreement()
    const early = {
      terminatedOn: day('2026-04-30'),
      noticeGivenOn: day('2026-03-31'),
      reason: 'Départ',
    }
    assert.equal(
      await rejection(() => agreement.terminate(early)),
      'agreements.errors.notice_not_respected'
    )
    await agreement.refresh()
    assert.equal(agreement.status, 'active')
    assert.notInclude(await recorded(agreement), 'agreement.terminated')

    await agreement.terminate({ ...early, overrideReason: 'Accord amiable' })
    assert.equal(agreement.terminatedOn!.toISODate(), '2026-04-30')
    assert.equal(agreement.noticeOverrideReason, 'Accord amiable')
  })

  test('termination outside the agreement, or of a non-active one, is refused', async ({
    assert,
  }) => {
    const { agreement } = await signedAgreement()
    const base = { noticeGivenOn: day('2025-01-01'), reason: 'x' }
    assert.equal(
      await rejection(() => agreement.terminate({ ...base, terminatedOn: day('2025-12-31') })),
      'agreements.errors.termination_outside'
    )
    assert.equal(
      await rejection(() => agreement.terminate({ ...base, terminatedOn: day('2027-12-31') })),
      'agreements.errors.termination_outside'
    )
    const company = await createCompany()
    const spare = await createCell()
    const draft = await openAgreement({ companyId: company.id, cellIds: [spare.id] })
    assert.equal(
      await rejection(() => draft.terminate({ ...base, terminatedOn: day('2026-06-30') })),
      'agreements.errors.not_active'
    )
  })

  test('an agreement whose end has passed can be neither renewed, moved nor terminated', async ({
    assert,
  }) => {
    const { agreement } = await signedAgreement()
    assert.isTrue(agreement.isRenewable)
    assert.isTrue(agreement.isTerminable)
    Settings.now = () => Date.parse('2028-01-01T10:00:00Z')
    assert.equal(agreement.stateOn(), 'ended')
    assert.isFalse(agreement.isRenewable)
    assert.isFalse(agreement.isTerminable)
    assert.equal(
      await rejection(() => agreement.renew(day('2028-06-30'))),
      'agreements.errors.not_renewable'
    )
    assert.equal(
      await rejection(() =>
        agreement.terminate({
          terminatedOn: day('2027-12-30'),
          noticeGivenOn: day('2027-01-01'),
          reason: 'x',
        })
      ),
      'agreements.errors.not_active'
    )
    assert.equal(
      await rejection(() =>
        agreement.moveTo({ movesOn: day('2027-12-01'), cellIds: [], reason: 'x' })
      ),
      'agreements.errors.not_active'
    )
  })

  test('the refusal carries days, not text: the interface formats them', async ({ assert }) => {
    const { agreement } = await signedAgreement()
    try {
      await agreement.terminate({
        terminatedOn: day('2025-06-30'),
        noticeGivenOn: day('2025-01-01'),
        reason: 'x',
      })
      assert.fail('refused')
    } catch (error) {
      assert.instanceOf(error, DomainError)
      assert.equal((error as DomainError).data.start!.toString(), day('2026-01-01').toString())
    }
  })

  test('renewal moves the end later while the cell stays free', async ({ assert }) => {
    const { agreement, cell } = await signedAgreement()
    await agreement.renew(day('2028-06-30'))
    assert.equal(agreement.endsOn.toISODate(), '2028-06-30')
    assert.include(await recorded(agreement), 'agreement.renewed')

    const other = await createCompany()
    await openAgreement({
      companyId: other.id,
      cellIds: [cell.id],
      startsOn: day('2028-07-01'),
      endsOn: day('2028-12-31'),
    })
    assert.equal(
      await rejection(() => agreement.renew(day('2028-09-30'))),
      'agreements.errors.overlap'
    )
    assert.equal(
      await rejection(() => agreement.renew(day('2028-01-31'))),
      'agreements.errors.renewal_not_later'
    )
  })

  test('a move ends the agreement the day before and opens the next on the new cells', async ({
    assert,
  }) => {
    const { agreement, company } = await signedAgreement()
    const bigger = await createCell({ code: 'M-2', areaSqm: 40 })
    const next = await agreement.moveTo({
      movesOn: day('2026-09-01'),
      cellIds: [bigger.id],
      reason: 'Déménagement',
    })
    await agreement.refresh()
    await next.load('cells')
    assert.equal(agreement.status, 'terminated')
    assert.equal(agreement.terminatedOn!.toISODate(), '2026-08-31')
    assert.equal(next.status, 'active')
    assert.equal(next.companyId, company.id)
    assert.equal(next.previousAgreementId, agreement.id)
    assert.equal(next.startsOn.toISODate(), '2026-09-01')
    assert.equal(next.endsOn.toISODate(), '2027-12-31')
    assert.deepEqual(
      next.cells.map((cell) => cell.code),
      ['M-2']
    )
    assert.include(await recorded(agreement), 'agreement.moved')
    assert.deepEqual(await recorded(next), ['agreement.created'])

    assert.equal(
      await rejection(() =>
        next.moveTo({ movesOn: day('2026-09-01'), cellIds: [bigger.id], reason: 'x' })
      ),
      'agreements.errors.move_outside'
    )
  })
})
