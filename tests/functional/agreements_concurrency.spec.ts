import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Agreement from '#models/agreement'
import { createCompany, createUser } from '#tests/support/fixtures'
import AuditEvent from '#models/audit_event'
import { createCell, openAgreement } from '#tests/support/agreements'
import { day } from '#domain/periods'
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

  test('a draft edited while it is signed: signed with its former terms or its new ones, never half', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    for (let round = 0; round < 4; round++) {
      const company = await createCompany('Signataire')
      const [before, after] = [
        await createCell({ code: `SIGN-${round}-A` }),
        await createCell({ code: `SIGN-${round}-B` }),
      ]
      const draft = await openAgreement({
        companyId: company.id,
        cellIds: [before.id],
        startsOn: day('2027-01-01'),
        endsOn: day('2027-12-31'),
      })
      const edit = client
        .put(`/agreements/${draft.id}`)
        .loginAs(manager)
        .header('referer', `/agreements/${draft.id}/edit`)
        .form({
          companyId: String(company.id),
          cellIds: [String(after.id)],
          startsOn: '2027-03-01',
          endsOn: '2028-02-29',
          noticeMonths: '1',
          rentSteps: ['8', '9', '10'],
          monthlyCharges: '10',
          deposit: '100',
        })
        .withCsrfToken()
        .redirects(0)
      const sign = client
        .post(`/agreements/${draft.id}/activation`)
        .loginAs(manager)
        .header('referer', `/agreements/${draft.id}/activation/create`)
        .withCsrfToken()
        .redirects(0)
      // Sent in either order, at once.
      const responses = await Promise.all(round % 2 ? [edit, sign] : [sign, edit])
      const edited = responses[round % 2 ? 0 : 1]

      await draft.refresh()
      await draft.load('cells')
      assert.equal(draft.status, 'active')
      const cells = draft.cells.map((cell) => cell.code)
      const events = await AuditEvent.query()
        .where('subject_type', 'Agreement')
        .where('subject_id', draft.id)
        .orderBy('id')
      const actions = events.map((event) => event.action)
      if (edited.flashMessages().success) {
        // Edited first, then signed: every new term, on the new cell.
        assert.deepEqual(actions, ['agreement.created', 'agreement.revised', 'agreement.activated'])
        assert.deepEqual(cells, [after.code])
        assert.equal(draft.startsOn.toISODate(), '2027-03-01')
        assert.deepEqual(draft.rentSteps, [800, 900, 1000])
        assert.equal(draft.depositCents, 10000)
      } else {
        // Signed first: the edit is refused and the signed terms are the former ones, whole.
        assert.deepEqual(actions, ['agreement.created', 'agreement.activated'])
        assert.deepEqual(cells, [before.code])
        assert.equal(draft.startsOn.toISODate(), '2027-01-01')
        assert.deepEqual(draft.rentSteps, [1000, 1150, 1300])
        assert.equal(draft.depositCents, 40000)
      }
      await company.refresh()
      assert.equal(company.enteredOn!.toISODate(), draft.startsOn.toISODate())
    }
  })

  test('a draft moved onto a cell while another agreement takes it: exactly one holds it', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const [mover, rival] = [await createCompany('Déménageuse'), await createCompany('Rivale')]
    const [home, wanted] = [
      await createCell({ code: 'MOVE-A' }),
      await createCell({ code: 'MOVE-B' }),
    ]
    const draft = await openAgreement({
      companyId: mover.id,
      cellIds: [home.id],
      startsOn: day('2027-01-01'),
      endsOn: day('2027-12-31'),
    })
    const body = (companyId: number) => ({
      companyId: String(companyId),
      cellIds: [String(wanted.id)],
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
      noticeMonths: '3',
      rentSteps: ['10'],
      monthlyCharges: '0',
      deposit: '0',
    })
    const [edited, drafted] = await Promise.all([
      client
        .put(`/agreements/${draft.id}`)
        .loginAs(manager)
        .header('referer', `/agreements/${draft.id}/edit`)
        .form(body(mover.id))
        .withCsrfToken()
        .redirects(0),
      client
        .post('/agreements')
        .loginAs(manager)
        .header('referer', '/agreements/create')
        .form(body(rival.id))
        .withCsrfToken()
        .redirects(0),
    ])
    const won = [edited, drafted].filter((response) => response.flashMessages().success)
    assert.lengthOf(won, 1)
    const rows = await db.from('agreement_cells').where('cell_id', wanted.id).count('* as total')
    assert.equal(Number(rows[0].total), 1)
  })
})
