import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Agreement from '#models/agreement'
import { createCompany, createUser } from '#tests/support/fixtures'
import { createCell } from '#tests/support/agreements'
import { truncateAfterEach } from '#tests/support/database'

/**
 * A cell never carries two overlapping agreements, whatever the concurrency:
 * these requests run truly in parallel (no shared test transaction; on MySQL each
 * takes its own pooled connection), and the database keeps exactly one.
 */
test.group('Agreements: no double allocation under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach())

  test('10 parallel requests for one cell and overlapping dates: exactly one wins', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const cell = await createCell({ code: 'RACE-1' })
    const companies = await Promise.all(Array.from({ length: 10 }, () => createCompany('Rivale')))

    const responses = await Promise.all(
      companies.map((company, index) =>
        client
          .post('/agreements')
          .loginAs(manager)
          .header('referer', '/agreements/create')
          .form({
            companyId: String(company.id),
            cellIds: [String(cell.id)],
            startsOn: `2026-0${1 + (index % 3)}-01`,
            endsOn: '2027-06-30',
            noticeMonths: '3',
            rentSteps: ['10', '11', '12'],
            monthlyCharges: '0',
            deposit: '0',
          })
          .withCsrfToken()
          .redirects(0)
      )
    )

    const won = responses.filter((response) =>
      /^\/agreements\/\d+$/.test(response.header('location') ?? '')
    )
    const lost = responses.filter(
      (response) => response.header('location') === '/agreements/create'
    )
    assert.lengthOf(won, 1)
    assert.lengthOf(lost, 9)
    for (const response of lost) {
      response.assertFlashMessage('inputErrorsBag', {
        cellIds: ['Déjà occupée sur cette période : RACE-1.'],
      })
    }
    const rows = await db.from('agreement_cells').where('cell_id', cell.id).count('* as total')
    assert.equal(Number(rows[0].total), 1)
    const agreements = await Agreement.query().count('* as total')
    assert.equal(Number(agreements[0].$extras.total), 1)
  })

  test('adjacent periods on one cell are both accepted', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const cell = await createCell({ code: 'SEQ-1' })
    const [first, second] = [await createCompany(), await createCompany()]
    const post = (companyId: number, startsOn: string, endsOn: string) =>
      client
        .post('/agreements')
        .loginAs(manager)
        .form({
          companyId: String(companyId),
          cellIds: [String(cell.id)],
          startsOn,
          endsOn,
          noticeMonths: '3',
          rentSteps: ['10'],
          monthlyCharges: '0',
          deposit: '0',
        })
        .withCsrfToken()
        .redirects(0)
    await Promise.all([
      post(first.id, '2026-01-01', '2026-06-30'),
      post(second.id, '2026-07-01', '2026-12-31'),
    ])
    const rows = await db.from('agreement_cells').where('cell_id', cell.id).count('* as total')
    assert.equal(Number(rows[0].total), 2)
  })
})
