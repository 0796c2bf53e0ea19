import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#models/audit_event'
import Agreement from '#models/agreement'
import { createCompany, createUser } from '#tests/support/fixtures'
import { createCell, openAgreement } from '#tests/support/agreements'
import { day } from '#domain/periods'
import { visibleText } from '#tests/support/html'

test.group('Agreements: termination and renewal', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  async function activeAgreement() {
    const company = await createCompany()
    company.enteredOn = day('2026-01-01')
    company.status = 'hosted'
    await company.save()
    const cell = await createCell({ code: 'TERM-1' })
    const agreement = await openAgreement({
      companyId: company.id,
      cellIds: [cell.id],
      startsOn: day('2026-01-01'),
      endsOn: day('2027-12-31'),
    })
    agreement.status = 'active'
    await agreement.save()
    return { agreement, company, cell }
  }

  test('a manager terminates with the notice respected; recorded', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const { agreement } = await activeAgreement()
    const response = await client
      .post(`/agreements/${agreement.id}/termination`)
      .loginAs(manager)
      .form({ noticeGivenOn: '2026-03-31', terminatedOn: '2026-06-30', reason: 'Locaux trouvés' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/agreements/${agreement.id}`)
    await agreement.refresh()
    assert.equal(agreement.status, 'terminated')
    assert.equal(agreement.terminatedOn!.toISODate(), '2026-06-30')
    const event = await AuditEvent.findByOrFail('action', 'agreement.terminated')
    assert.deepInclude(event.changedFields, {
      field: 'terminatedOn',
      before: null,
      after: '2026-06-30',
    })
  })

  test('too short a notice is refused unless overridden with a reason', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const { agreement } = await activeAgreement()
    const post = (form: Record<string, string>) =>
      client
        .post(`/agreements/${agreement.id}/termination`)
        .loginAs(manager)
        .header('referer', `/agreements/${agreement.id}/termination/create`)
        .form({
          noticeGivenOn: '2026-03-31',
          terminatedOn: '2026-04-30',
          reason: 'Départ',
          ...form,
        })
        .withCsrfToken()
        .redirects(0)

    const refused = await post({})
    refused.assertFlashMessage('inputErrorsBag', {
      terminatedOn: [
        'Le préavis de 3 mois mène au 30 juin 2026 au plus tôt ; pour résilier avant, passez outre avec un motif.',
      ],
    })
    const noReason = await post({ overrideNotice: 'true' })
    noReason.assertFlashMessage('inputErrorsBag', { overrideReason: ['Ce champ est obligatoire.'] })
    await agreement.refresh()
    assert.equal(agreement.status, 'active')

    await post({ overrideNotice: 'true', overrideReason: 'Accord amiable' })
    await agreement.refresh()
    assert.equal(agreement.status, 'terminated')
    assert.equal(agreement.noticeOverrideReason, 'Accord amiable')
  })

  test('a renewal extends the end within the maximum stay', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const { agreement } = await activeAgreement()
    const response = await client
      .post(`/agreements/${agreement.id}/renewal`)
      .loginAs(manager)
      .form({ endsOn: '2029-12-31' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/agreements/${agreement.id}`)
    await agreement.refresh()
    assert.equal(agreement.endsOn.toISODate(), '2029-12-31')
    assert.exists(await AuditEvent.findBy('action', 'agreement.renewed'))

    const companyPage = await client.get(`/companies/${agreement.companyId}`).loginAs(manager)
    const text = visibleText(companyPage.text())
    assert.include(text, 'Renouvellement')
    assert.include(text, 'Fin prévue : 31 décembre 2027 → 31 décembre 2029')
  })

  test('a renewal beyond 48 months of stay is refused', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const { agreement } = await activeAgreement()
    const response = await client
      .post(`/agreements/${agreement.id}/renewal`)
      .loginAs(manager)
      .form({ endsOn: '2030-01-01' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      endsOn: [
        'Le séjour dépasserait 48 mois : la convention doit finir au plus tard le 31 décembre 2029.',
      ],
    })
    await agreement.refresh()
    assert.equal(agreement.endsOn.toISODate(), '2027-12-31')
  })

  test('a renewal into another agreement on the same cell is refused', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const { agreement, cell } = await activeAgreement()
    const next = await createCompany()
    await openAgreement({
      companyId: next.id,
      cellIds: [cell.id],
      startsOn: day('2028-03-01'),
      endsOn: day('2028-12-31'),
    })
    const response = await client
      .post(`/agreements/${agreement.id}/renewal`)
      .loginAs(manager)
      .form({ endsOn: '2028-06-30' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      cellIds: ['Déjà occupée sur cette période : TERM-1.'],
    })
    await agreement.refresh()
    assert.equal(agreement.endsOn.toISODate(), '2027-12-31')
  })
})

test.group('Agreements: moving to other cells', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the old agreement ends the day before; the new one takes over, same terms', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    company.merge({ enteredOn: day('2026-01-01'), status: 'hosted' })
    await company.save()
    const [small, large] = [
      await createCell({ code: 'MV-1' }),
      await createCell({ code: 'MV-2', areaSqm: 35 }),
    ]
    const old = await openAgreement({
      companyId: company.id,
      cellIds: [small.id],
      startsOn: day('2026-01-01'),
      endsOn: day('2027-12-31'),
      monthlyChargesCents: 7000,
    })
    old.status = 'active'
    await old.save()

    const response = await client
      .post(`/agreements/${old.id}/move`)
      .loginAs(manager)
      .form({ movesOn: '2026-09-01', cellIds: [String(large.id)] })
      .withCsrfToken()
      .redirects(0)
    await old.refresh()
    assert.equal(old.status, 'terminated')
    assert.equal(old.effectiveEndsOn.toISODate(), '2026-08-31')

    const next = await Agreement.query()
      .where('previous_agreement_id', old.id)
      .preload('cells')
      .firstOrFail()
    response.assertHeader('location', `/agreements/${next.id}`)
    assert.equal(next.status, 'active')
    assert.equal(next.startsOn.toISODate(), '2026-09-01')
    assert.equal(next.endsOn.toISODate(), '2027-12-31')
    assert.equal(next.monthlyChargesCents, 7000)
    assert.deepEqual(
      next.cells.map((cell) => cell.code),
      ['MV-2']
    )
    assert.exists(await AuditEvent.findBy('action', 'agreement.moved'))
  })

  test('a move onto a taken cell is refused and nothing changes', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    const [mine, theirs] = [await createCell({ code: 'MV-3' }), await createCell({ code: 'MV-4' })]
    const old = await openAgreement({ companyId: company.id, cellIds: [mine.id] })
    old.status = 'active'
    await old.save()
    const other = await createCompany()
    await openAgreement({ companyId: other.id, cellIds: [theirs.id] })

    const response = await client
      .post(`/agreements/${old.id}/move`)
      .loginAs(manager)
      .header('referer', `/agreements/${old.id}/move/create`)
      .form({ movesOn: '2026-06-01', cellIds: [String(theirs.id)] })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      cellIds: ['Déjà occupée sur cette période : MV-4.'],
    })
    await old.refresh()
    assert.equal(old.status, 'active')
    assert.isNull(old.terminatedOn)
  })

  test('a cell sent as one value that is no id: the move form comes back with its message', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    const mine = await createCell({ code: 'MV-5' })
    const old = await openAgreement({ companyId: company.id, cellIds: [mine.id] })
    old.status = 'active'
    await old.save()

    // One cell sent without "[]": a single value, not a list.
    const refused = await client
      .post(`/agreements/${old.id}/move`)
      .loginAs(manager)
      .header('referer', `/agreements/${old.id}/move/create`)
      .form('movesOn=2026-06-01&cellIds=0' as any)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('inputErrorsBag', { 'cellIds.0': ['Saisissez un nombre positif.'] })
    const page = await client
      .get(`/agreements/${old.id}/move/create`)
      .loginAs(manager)
      .withFlashMessages(refused.flashMessages())
    page.assertStatus(200)
    assert.include(visibleText(page.text()), 'Saisissez un nombre positif.')
    assert.match(page.text(), /id="field-cellIds-error"/)
    await old.refresh()
    assert.equal(old.status, 'active')
  })
})

test.group('Agreements: once over', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an agreement that ran out offers neither renewal, move nor termination, and refuses them', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    const cell = await createCell({ code: 'OVER-1' })
    const agreement = await openAgreement({
      companyId: company.id,
      cellIds: [cell.id],
      startsOn: day('2017-01-01'),
      endsOn: day('2019-12-31'),
    })
    agreement.status = 'active'
    await agreement.save()

    const page = await client.get(`/agreements/${agreement.id}`).loginAs(manager)
    page.assertStatus(200)
    const text = visibleText(page.text())
    assert.include(text, 'Échue')
    for (const offer of ['Renouveler', 'Changer de cellules', 'Résilier']) {
      assert.notInclude(text, offer)
    }

    const renewal = await client
      .post(`/agreements/${agreement.id}/renewal`)
      .loginAs(manager)
      .withCsrfToken()
      .form({ endsOn: '2020-06-30' })
      .redirects(0)
    renewal.assertStatus(302)
    await agreement.refresh()
    assert.equal(agreement.endsOn.toISODate(), '2019-12-31')
    assert.lengthOf(await AuditEvent.query().where('action', 'agreement.renewed'), 0)
  })
})
