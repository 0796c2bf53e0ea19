import Agreement from '#models/agreement'
import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import AgreementsDeadlines from '#commands/agreements_deadlines'
import Company from '#models/company'
import { day } from '#domain/periods'
import { createBuilding, createUser } from '#tests/support/fixtures'
import { createCell, openAgreement } from '#tests/support/agreements'
import { countQueries } from '#tests/support/queries'

/** A hosted company with an active agreement on a new cell. */
async function hostedWith(name: string, startsOn: string, endsOn: string, code: string) {
  const company = await Company.create({
    name,
    sector: 'other',
    status: 'hosted',
    enteredOn: day(startsOn),
  })
  const cell = await createCell({ code })
  const agreement = await openAgreement({
    companyId: company.id,
    cellIds: [cell.id],
    startsOn: day(startsOn),
    endsOn: day(endsOn),
  })
  agreement.status = 'active'
  await agreement.save()
  return { company, cell, agreement }
}

test.group('What managers must see coming', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an agreement terminated early shows its new end and frees its cells then', async ({
    assert,
  }) => {
    const on = day('2026-11-29')
    const { agreement, cell } = await hostedWith('Part Tôt', '2026-01-01', '2027-12-31', 'T-1')
    const before = await Agreement.deadlinesOn(on)
    assert.notInclude(
      before.endingSoon.map((each) => each.id),
      agreement.id
    )

    await agreement.terminate(
      {
        terminatedOn: day('2026-12-20'),
        noticeGivenOn: day('2026-09-15'),
        reason: 'Locaux trouvés',
      },
      undefined
    )
    const after = await Agreement.deadlinesOn(on)
    const [ending] = after.endingSoon.filter((each) => each.id === agreement.id)
    assert.equal(ending.effectiveEndsOn.toISODate(), '2026-12-20')
    assert.deepEqual(
      after.cellsFreeSoon.map((entry) => [entry.cell.code, entry.freeFrom.toISODate()]),
      [[cell.code, '2026-12-21']]
    )
    assert.equal(agreement.stateOn(on), 'ending')
  })

  test('ending agreements, maximum stays, notice deadlines and cells becoming free', async ({
    assert,
  }) => {
    const on = day('2026-11-29')
    await hostedWith('Finit Bientôt', '2025-01-01', '2026-12-31', 'A-1')
    await hostedWith('Finit Tard', '2026-01-01', '2027-12-31', 'A-2')
    const { company: veteran } = await hostedWith('Vétérane', '2023-03-01', '2027-02-28', 'A-3')
    const { cell: relayed } = await hostedWith('Relayée', '2026-01-01', '2026-12-15', 'A-4')
    const next = await Company.create({ name: 'Suivante', sector: 'other' })
    await openAgreement({
      companyId: next.id,
      cellIds: [relayed.id],
      startsOn: day('2026-12-16'),
      endsOn: day('2027-06-30'),
    })

    const due = await Agreement.deadlinesOn(on)
    assert.deepEqual(
      due.endingSoon.map((agreement) => agreement.company.name),
      ['Relayée', 'Finit Bientôt']
    )
    assert.deepEqual(
      due.maxStaySoon.map(({ company, limit }) => [company.id, limit.toISODate()]),
      [[veteran.id, '2027-02-28']]
    )
    // Vétérane ends on 2027-02-28, 91 days ahead: not "ending soon", but its 3-month notice
    // must be given by 2026-12-01; Finit Bientôt's deadline (2026-10-01) has passed.
    assert.deepEqual(
      due.noticeDeadlines.map(({ agreement, deadline }) => [
        agreement.company.name,
        deadline.toISODate(),
      ]),
      [['Vétérane', '2026-12-01']]
    )
    // A-4 is taken again the next day: not free. A-1 ends on 2026-12-31: beyond 30 days.
    assert.deepEqual(
      due.cellsFreeSoon.map(({ cell }) => cell.code),
      []
    )
    const later = await Agreement.deadlinesOn(day('2026-12-10'))
    assert.deepEqual(
      later.cellsFreeSoon.map(({ cell, freeFrom }) => [cell.code, freeFrom.toISODate()]),
      [['A-1', '2027-01-01']]
    )
  })

  test('the managers’ home shows the panel in a bounded number of queries', async ({
    client,
    assert,
  }) => {
    await createBuilding()
    const manager = await createUser('manager')
    await hostedWith('Une', '2026-01-01', '2026-12-31', 'B-1')
    const few = await countQueries(() => client.get('/').loginAs(manager))
    for (let i = 2; i <= 12; i++)
      await hostedWith(`Autre ${i}`, '2026-01-01', '2026-12-31', `B-${i}`)
    const response = await client.get('/').loginAs(manager)
    response.assertTextIncludes('Conventions finissant dans les 90 jours')
    const many = await countQueries(() => client.get('/').loginAs(manager))
    assert.equal(many, few)
  })

  test('node ace agreements:deadlines prints the same lists and exits 0', async ({ assert }) => {
    await hostedWith('Finit Bientôt', '2025-01-01', '2026-12-31', 'C-1')
    const command = await ace.create(AgreementsDeadlines, ['--on=2026-11-29'])
    command.ui.switchMode('raw')
    await command.exec()
    command.assertSucceeded()
    const output = command.logger
      .getLogs()
      .map((log) => log.message)
      .join('\n')
    assert.include(output, 'Conventions finissant dans les 90 jours (1)')
    assert.include(output, 'Finit Bientôt (C-1) : fin le 31 décembre 2026')
  })

  test('an invalid date makes the command fail', async () => {
    const command = await ace.create(AgreementsDeadlines, ['--on=2026-02-30'])
    command.ui.switchMode('raw')
    await command.exec()
    command.assertFailed()
  })
})
