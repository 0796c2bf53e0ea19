import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Service from '#models/service'
import AuditEvent from '#models/audit_event'
import { createUser } from '#tests/support/fixtures'
import { createService, serviceForm } from '#tests/support/billing'
import { visibleText } from '#tests/support/html'

test.group('The services catalogue', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a manager adds a service: the price typed in euros kept in cents, the VAT in basis points', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const response = await client
      .post('/services')
      .loginAs(manager)
      .form({ ...serviceForm, unitPrice: '1 234,56' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/services')
    response.assertFlashMessage('success', 'Le service Domiciliation est ajouté au catalogue.')
    const service = await Service.findByOrFail('name', 'Domiciliation')
    assert.include(service.$attributes, {
      unit: 'month',
      unitPriceCents: 123456,
      vatRateBp: 2000,
      vatCategory: 'S',
      vatExemptionReason: null,
    })
    assert.equal(service.unitCode, 'MON')
    const created = await AuditEvent.findByOrFail('action', 'service.created')
    assert.equal(created.userId, manager.id)

    const page = await client.get('/services').loginAs(manager)
    const text = visibleText(page.text())
    assert.include(text, 'Domiciliation')
    assert.include(text, '1 234,56 €')
    assert.include(text, '20 %')
  })

  test('no VAT needs its reason (exempt or outside the scope); a rate drops the reason', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const refused = await client
      .post('/services')
      .loginAs(manager)
      .header('referer', '/services/create')
      .form({ ...serviceForm, vat: 'outside', vatExemptionReason: '' })
      .withCsrfToken()
      .redirects(0)
    refused.assertHeader('location', '/services/create')
    refused.assertFlashMessage('inputErrorsBag', {
      vatExemptionReason: ['Ce champ est obligatoire.'],
    })
    assert.lengthOf(await Service.all(), 0)

    await client
      .post('/services')
      .loginAs(manager)
      .form({ ...serviceForm, vat: 'outside', vatExemptionReason: 'Dépôt de garantie, hors champ' })
      .withCsrfToken()
    const service = await Service.findByOrFail('name', 'Domiciliation')
    assert.include(service.$attributes, { vatRateBp: 0, vatCategory: 'O' })
    assert.equal(service.vat, 'outside')

    await client
      .put(`/services/${service.id}`)
      .loginAs(manager)
      .form({ ...serviceForm, vat: '550', vatExemptionReason: 'oublié' })
      .withCsrfToken()
    await service.refresh()
    assert.include(service.$attributes, {
      vatRateBp: 550,
      vatCategory: 'S',
      vatExemptionReason: null,
    })
    const edit = await client.get(`/services/${service.id}/edit`).loginAs(manager)
    const text = visibleText(edit.text())
    assert.include(text, 'Taux de TVA : 0 % → 5,5 %')
    assert.include(text, 'Catégorie de TVA : hors champ de la TVA → taux normal ou réduit')
  })

  test('archived, not deleted; offered again', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const service = await createService()
    const archived = await client
      .post(`/services/${service.id}/archive`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    archived.assertHeader('location', '/services')
    await service.refresh()
    assert.isTrue(service.isArchived)
    assert.lengthOf(await Service.query().withScopes((scopes) => scopes.offered()), 0)
    const page = await client.get('/services').loginAs(manager)
    page.assertTextIncludes('Services archivés')

    await client.delete(`/services/${service.id}/archive`).loginAs(manager).withCsrfToken()
    await service.refresh()
    assert.isFalse(service.isArchived)
    const actions = await AuditEvent.query()
      .where('subject_type', 'Service')
      .where('subject_id', service.id)
      .orderBy('id')
    assert.deepEqual(
      actions.map((event) => event.action),
      ['service.created', 'service.archived', 'service.restored']
    )
  })

  test('tenants and officials are refused', async ({ client }) => {
    const service = await createService()
    for (const role of ['tenant', 'official'] as const) {
      const user = await createUser(role)
      const list = await client.get('/services').loginAs(user)
      list.assertStatus(403)
      const posted = await client.post('/services').loginAs(user).form(serviceForm).withCsrfToken()
      posted.assertStatus(403)
      const archived = await client
        .post(`/services/${service.id}/archive`)
        .loginAs(user)
        .withCsrfToken()
      archived.assertStatus(403)
    }
  })
})
