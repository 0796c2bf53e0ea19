import { test } from '@japa/runner'
import { rejection } from '#tests/support/models'
import testUtils from '@adonisjs/core/services/test_utils'
import Declaration from '#models/declaration'
import AuditEvent from '#models/audit_event'
import { day } from '#domain/periods'
import { createUser } from '#tests/support/fixtures'
import { hostedTenant } from '#tests/support/bookings'

const HEADCOUNT = { executives: 2, permanent: 1, fixedTerm: 0, apprentices: 1 }

test.group('Headcount declaration', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('declared by a tenant, validated once by a manager, then closed to the tenant', async ({
    assert,
  }) => {
    await createUser('manager')
    const manager = await createUser('manager')
    const { company, tenant } = await hostedTenant()
    company.enteredOn = day('2026-01-15')
    await company.save()
    const declaration = await Declaration.declare(
      company,
      { ...HEADCOUNT, kind: 'entry', periodOn: day('2026-01-15') },
      tenant
    )
    assert.equal(declaration.jobs, 4)
    assert.isFalse(declaration.isValidated)

    await declaration.validate(manager)
    assert.isTrue(declaration.isValidated)
    assert.equal(
      await rejection(() => declaration.validate(manager)),
      'declarations.errors.already_validated'
    )
    assert.equal(
      await rejection(() => declaration.update({ ...HEADCOUNT, permanent: 5 }, tenant, null)),
      'declarations.errors.validated'
    )
    assert.equal(
      await rejection(() =>
        declaration.update({ ...HEADCOUNT, permanent: 5 }, manager, { reason: '', note: '' })
      ),
      'declarations.errors.reason_required'
    )
    await declaration.update({ ...HEADCOUNT, permanent: 5 }, manager, {
      reason: 'Erreur de saisie',
      note: 'Correction : Erreur de saisie',
    })
    assert.equal(declaration.jobs, 8)
    assert.include(declaration.comment!, 'Correction : Erreur de saisie')
    const events = await AuditEvent.historyOf(declaration)
    const actions = events.map((event) => event.action)
    assert.deepEqual(actions, [
      'declaration.corrected',
      'declaration.validated',
      'declaration.created',
    ])
  })
})
