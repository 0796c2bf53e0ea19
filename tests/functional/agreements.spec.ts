import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Agreement from '#models/agreement'
import Company from '#models/company'
import AuditEvent from '#models/audit_event'
import { createCompany, createUser } from '#tests/support/fixtures'
import { createCell, openAgreement } from '#tests/support/agreements'
import { day, today } from '#domain/periods'
import { formatDate } from '#helpers/formatting'
import { visibleText } from '#tests/support/html'

/** A valid agreement form, to be spoiled field by field. */
function form(companyId: number, cellIds: number[], overrides: Record<string, unknown> = {}) {
  return {
    companyId: String(companyId),
    cellIds: cellIds.map(String),
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    noticeMonths: '3',
    rentSteps: ['10', '11,50', '13'],
    monthlyCharges: '45,50',
    deposit: '1 200',
    ...overrides,
  }
}

test.group('Agreements: drafting and signing', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a manager drafts an agreement: money in cents, cells held, change recorded', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    const [a, b] = [await createCell({ areaSqm: 18.5 }), await createCell({ areaSqm: 21 })]

    const response = await client
      .post('/agreements')
      .loginAs(manager)
      .form(form(company.id, [a.id, b.id]))
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)

    const agreement = await Agreement.query().preload('cells').firstOrFail()
    response.assertHeader('location', `/agreements/${agreement.id}`)
    assert.equal(agreement.status, 'draft')
    assert.deepEqual(agreement.rentSteps, [1000, 1150, 1300])
    assert.equal(agreement.monthlyChargesCents, 4550)
    assert.equal(agreement.depositCents, 120000)
    assert.equal(agreement.areaSqm, 39.5)
    const event = await AuditEvent.findByOrFail('action', 'agreement.created')
    assert.equal(event.userId, manager.id)

    const page = await client.get(`/agreements/${agreement.id}`).loginAs(manager)
    page.assertStatus(200)
    const text = visibleText(page.text())
    assert.include(text, '39,5 m² au total')
    assert.include(text, '395,00 €')

    // Its history reads in words: the company's name, euros, days.
    const history = text.slice(text.indexOf('Historique'))
    assert.include(history, `Entreprise : ∅ → ${company.name}`)
    assert.include(history, 'Paliers de loyer : ∅ → 10,00 € / 11,50 € / 13,00 € par m² et par mois')
    assert.include(history, 'Charges mensuelles : ∅ → 45,50 €')
    assert.include(history, 'Dépôt de garantie : ∅ → 1 200,00 €')
    assert.notInclude(history, 'centimes')
    assert.notInclude(history, `Entreprise : ∅ → ${company.id} `)
    assert.notInclude(history, '∅ → ∅')
  })

  test('signing an agreement that starts later: the company arrives then, and cannot leave before', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    const cell = await createCell()
    const startsOn = today().plus({ months: 1 }).startOf('month')
    const agreement = await openAgreement({
      companyId: company.id,
      cellIds: [cell.id],
      startsOn,
      endsOn: startsOn.plus({ years: 1 }).minus({ days: 1 }),
    })

    const response = await client
      .post(`/agreements/${agreement.id}/activation`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    assert.include(
      String(response.flashMessage('success')),
      `hébergée à partir du ${formatDate(startsOn, 'fr')}`
    )

    const page = await client.get(`/companies/${company.id}`).loginAs(manager)
    page.assertStatus(200)
    assert.include(visibleText(page.text()), 'Candidate')
    assert.notInclude(page.text(), `/companies/${company.id}/exit/create`)
    const exit = await client
      .post(`/companies/${company.id}/exit`)
      .loginAs(manager)
      .form({ exitOn: startsOn.toISODate(), exitReason: 'other' })
      .withCsrfToken()
      .redirects(0)
    exit.assertStatus(302)
    await company.refresh()
    assert.equal(company.status, 'hosted')
    assert.isNull(company.exitOn)
  })

  test('signing a draft makes it active and the candidate company hosted', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    const cell = await createCell()
    const agreement = await openAgreement({
      companyId: company.id,
      cellIds: [cell.id],
      startsOn: day('2026-03-01'),
    })

    const response = await client
      .post(`/agreements/${agreement.id}/activation`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/agreements/${agreement.id}`)
    await agreement.refresh()
    await company.refresh()
    assert.equal(agreement.status, 'active')
    assert.equal(company.status, 'hosted')
    assert.equal(company.enteredOn!.toISODate(), '2026-03-01')
    assert.exists(await AuditEvent.findBy('action', 'company.hosted'))

    const again = await client
      .post(`/agreements/${agreement.id}/activation`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage('error', 'Seul un brouillon peut être signé.')
  })

  test('a tenant sees its own agreement, never another company’s', async ({ client }) => {
    const company = await createCompany()
    const tenant = await createUser('tenant', { companyId: company.id })
    const [cellA, cellB] = [await createCell(), await createCell()]
    const mine = await openAgreement({ companyId: company.id, cellIds: [cellA.id] })
    const other = await createCompany()
    const theirs = await openAgreement({ companyId: other.id, cellIds: [cellB.id] })

    const own = await client.get(`/agreements/${mine.id}`).loginAs(tenant)
    own.assertStatus(200)
    const foreign = await client.get(`/agreements/${theirs.id}`).loginAs(tenant)
    foreign.assertStatus(403)
  })
})

test.group('Agreements: bad input is refused, nothing saved, never a 500', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  const cases: [
    string,
    (ids: { cell: number; other: number }) => Record<string, unknown>,
    string,
    string,
  ][] = [
    [
      'an end before the start',
      () => ({ endsOn: '2025-12-31' }),
      'endsOn',
      'La fin doit suivre le début.',
    ],
    [
      'an impossible date',
      () => ({ startsOn: '2026-02-30' }),
      'startsOn',
      'Saisissez une date réelle.',
    ],
    ['no cell', () => ({ cellIds: [] }), 'cellIds', 'Choisissez au moins une cellule.'],
    [
      'an unknown cell',
      () => ({ cellIds: ['999999'] }),
      'cellIds',
      'Choisissez des cellules de la liste.',
    ],
    [
      'rent steps that go down',
      () => ({ rentSteps: ['12', '10', '13'] }),
      'rentSteps',
      "Les paliers doivent être positifs et ne jamais baisser d'une année à l'autre.",
    ],
    [
      'a rent step in words',
      () => ({ rentSteps: ['dix', '11', '12'] }),
      'rentSteps.0',
      'Saisissez un montant en euros, par exemple 10,50.',
    ],
    [
      'negative charges',
      () => ({ monthlyCharges: '-5' }),
      'monthlyCharges',
      'Saisissez un montant en euros, par exemple 120 ou 1 234,56.',
    ],
    [
      'a stay beyond 48 months',
      () => ({ endsOn: '2030-01-01' }),
      'endsOn',
      'Le séjour dépasserait 48 mois : la convention doit finir au plus tard le 31 décembre 2029.',
    ],
    [
      'an overlap with another agreement',
      (ids) => ({ cellIds: [String(ids.other)] }),
      'cellIds',
      'Déjà occupée sur cette période : TAKEN.',
    ],
  ]

  for (const [label, spoil, field, message] of cases) {
    test(`${label}`, async ({ client, assert }) => {
      const manager = await createUser('manager')
      const company = await createCompany()
      const cell = await createCell()
      const taken = await createCell({ code: 'TAKEN' })
      const holder = await createCompany()
      await openAgreement({
        companyId: holder.id,
        cellIds: [taken.id],
        startsOn: day('2027-06-01'),
        endsOn: day('2028-05-31'),
      })
      const before = await Agreement.query().count('* as total').firstOrFail()

      const response = await client
        .post('/agreements')
        .loginAs(manager)
        .header('referer', '/agreements/create')
        .form(form(company.id, [cell.id], spoil({ cell: cell.id, other: taken.id })))
        .withCsrfToken()
        .redirects(0)

      response.assertStatus(302)
      response.assertHeader('location', '/agreements/create')
      response.assertFlashMessage('inputErrorsBag', { [field]: [message] })
      const after = await Agreement.query().count('* as total').firstOrFail()
      assert.equal(Number(after.$extras.total), Number(before.$extras.total))
    })
  }

  test('an alumnus gets no new agreement', async ({ client }) => {
    const manager = await createUser('manager')
    const company = await Company.create({ name: 'Partie', sector: 'other', status: 'alumni' })
    const cell = await createCell()
    const response = await client
      .post('/agreements')
      .loginAs(manager)
      .form(form(company.id, [cell.id]))
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      companyId: ['Cette entreprise est sortie de la pépinière.'],
    })
  })

  test('the form keeps the chosen cells and steps after an error', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const cell = await createCell({ code: 'KEEP-1' })
    const response = await client
      .get('/agreements/create')
      .loginAs(manager)
      .withFlashMessages({
        cellIds: [String(cell.id)],
        rentSteps: ['9', '9,50', '10'],
        inputErrorsBag: { endsOn: ['La fin doit suivre le début.'] },
      })
    response.assertStatus(200)
    assert.match(
      response.text(),
      new RegExp(`id="cell-${cell.id}"[^>]*value="${cell.id}"\\s+checked`)
    )
    response.assertTextIncludes('value="9,50"')
  })

  test('a company that does not exist: the form says so, never a 404', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const cell = await createCell()
    const response = await client
      .post('/agreements')
      .loginAs(manager)
      .header('referer', '/agreements/create')
      .form(form(2_147_483_647, [cell.id]))
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/agreements/create')
    response.assertFlashMessage('inputErrorsBag', { companyId: ["Cette valeur n'existe pas."] })
    assert.lengthOf(await Agreement.all(), 0)
  })

  test('cells sent as one value and a cell that is no id: the form comes back with its message', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    const cell = await createCell({ code: 'ONE-1' })
    // One cell sent without "[]" comes back as a single value, not a list.
    const body = new URLSearchParams()
    for (const [name, value] of Object.entries({ ...form(company.id, []), cellIds: '-1' })) {
      for (const item of [value].flat()) body.append(name, String(item))
    }
    const refused = await client
      .post('/agreements')
      .loginAs(manager)
      .header('referer', '/agreements/create')
      .form(body.toString() as any)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('inputErrorsBag', { 'cellIds.0': ['Saisissez un nombre positif.'] })
    refused.assertFlashMessage('cellIds', '-1')

    const page = await client
      .get('/agreements/create')
      .loginAs(manager)
      .withFlashMessages(refused.flashMessages())
    page.assertStatus(200)
    assert.include(
      visibleText(page.text()),
      'Saisissez un nombre positif.',
      'the message is shown with the cells'
    )
    assert.match(page.text(), /id="field-cellIds-error"/)
    assert.notMatch(page.text(), new RegExp(`id="cell-${cell.id}"[^>]*checked`))
  })
})
