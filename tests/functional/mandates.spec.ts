import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Mandate from '#models/mandate'
import Company from '#models/company'
import AuditEvent from '#models/audit_event'
import { createCompany, createUser } from '#tests/support/fixtures'
import { mandateForm, signMandate } from '#tests/support/billing'
import { visibleText } from '#tests/support/html'
import { today } from '#domain/periods'

test.group('SEPA mandates', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a manager records a mandate: IBAN and BIC stored compact, a unique reference, first debit to come', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    const form = await client.get(`/companies/${company.id}/mandates/create`).loginAs(manager)
    form.assertStatus(200)
    const response = await client
      .post(`/companies/${company.id}/mandates`)
      .loginAs(manager)
      .form(mandateForm)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/companies/${company.id}`)
    const mandate = await Mandate.findByOrFail('company_id', company.id)
    assert.include(mandate.$attributes, {
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPPXXX',
      activeCompanyId: company.id,
      firstCollectedOn: null,
    })
    assert.equal(mandate.reference, `PNF-${String(company.id).padStart(8, '0')}-001`)
    assert.equal(mandate.sequenceType, 'FRST')
    response.assertFlashMessage('success', `Le mandat ${mandate.reference} est enregistré.`)
    const event = await AuditEvent.findByOrFail('action', 'mandate.signed')
    assert.equal(event.userId, manager.id)

    const page = await client.get(`/companies/${company.id}`).loginAs(manager)
    const text = visibleText(page.text())
    assert.include(text, 'FR76 3000 6000 0112 3456 7890 189')
    assert.include(text, 'premier prélèvement à venir')
    assert.include(text, 'Mandat de prélèvement enregistré')
  })

  test('a new mandate replaces the active one, which stays as history; one active per company', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    const first = await signMandate(company.id)
    await client
      .post(`/companies/${company.id}/mandates`)
      .loginAs(manager)
      .form({ ...mandateForm, iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX' })
      .withCsrfToken()
    await first.refresh()
    assert.isFalse(first.isActive)
    assert.isNull(first.activeCompanyId)
    const second = await Mandate.activeOf(company.id)
    assert.equal(second!.iban, 'DE89370400440532013000')
    assert.equal(second!.reference, `PNF-${String(company.id).padStart(8, '0')}-002`)
    assert.equal(first.replacedById, second!.id)
    assert.lengthOf(await Mandate.query().where('company_id', company.id), 2)
    const replaced = await AuditEvent.findByOrFail('action', 'mandate.replaced')
    assert.equal(replaced.subjectId, first.id)
  })

  test('the database refuses a second active mandate for a company', async ({ assert }) => {
    const company = await createCompany()
    const first = await signMandate(company.id)
    await assert.rejects(() =>
      db.transaction((trx) =>
        Mandate.create(
          {
            companyId: company.id,
            activeCompanyId: company.id,
            reference: 'PNF-DOUBLE',
            debtorName: 'X',
            iban: first.iban,
            bic: first.bic,
            signedOn: first.signedOn,
          },
          { client: trx }
        )
      )
    )
  })

  test('signed in the future, a wrong IBAN key or a BIC of 7: refused next to the field', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    const page = `/companies/${company.id}/mandates/create`
    const future = await client
      .post(`/companies/${company.id}/mandates`)
      .loginAs(manager)
      .header('referer', page)
      .form({ ...mandateForm, signedOn: today().plus({ days: 1 }).toISODate()! })
      .withCsrfToken()
      .redirects(0)
    future.assertHeader('location', page)
    future.assertFlashMessage('inputErrorsBag', {
      signedOn: ['La date de signature ne peut pas être dans le futur.'],
    })
    const wrong = await client
      .post(`/companies/${company.id}/mandates`)
      .loginAs(manager)
      .header('referer', page)
      .form({ ...mandateForm, iban: 'FR7630006000011234567890188', bic: 'AGRIFRP' })
      .withCsrfToken()
      .redirects(0)
    const bag = wrong.flashMessages().inputErrorsBag as Record<string, string[]>
    assert.deepEqual(Object.keys(bag).sort(), ['bic', 'iban'])
    assert.lengthOf(await Mandate.all(), 0)
  })

  test('a manager revokes a mandate with its reason; revoking twice is refused', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    const mandate = await signMandate(company.id)
    const form = await client.get(`/mandates/${mandate.id}/revocation/create`).loginAs(manager)
    form.assertStatus(200)
    const response = await client
      .post(`/mandates/${mandate.id}/revocation`)
      .loginAs(manager)
      .form({ reason: 'Changement de banque' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/companies/${company.id}`)
    await mandate.refresh()
    assert.isFalse(mandate.isActive)
    assert.equal(mandate.revocationReason, 'Changement de banque')
    assert.isNull(await Mandate.activeOf(company.id))

    const again = await client
      .post(`/mandates/${mandate.id}/revocation`)
      .loginAs(manager)
      .header('referer', `/mandates/${mandate.id}/revocation/create`)
      .form({ reason: 'Encore' })
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage('error', 'Ce mandat est déjà révoqué.')
    const page = await client.get(`/companies/${company.id}`).loginAs(manager)
    assert.include(visibleText(page.text()), 'Changement de banque')
  })

  test("a tenant sees its company's mandate read-only, its IBAN masked", async ({
    client,
    assert,
  }) => {
    const tenant = await createUser('tenant')
    const company = await Company.findOrFail(tenant.companyId)
    await signMandate(company.id)
    const page = await client.get(`/companies/${company.id}`).loginAs(tenant)
    page.assertStatus(200)
    const text = visibleText(page.text())
    assert.include(text, 'FR76 •••• •••• •••• •••• •••• 189')
    assert.notInclude(text, '3000 6000')
    assert.notInclude(text, 'Révoquer le mandat')
    assert.notInclude(text, 'Enregistrer un nouveau mandat')
  })

  test('tenants (their own company too) and officials cannot record or revoke', async ({
    client,
  }) => {
    const tenant = await createUser('tenant')
    const official = await createUser('official')
    const mandate = await signMandate(tenant.companyId!)
    for (const user of [tenant, official]) {
      const create = await client
        .get(`/companies/${tenant.companyId}/mandates/create`)
        .loginAs(user)
      create.assertStatus(403)
      const store = await client
        .post(`/companies/${tenant.companyId}/mandates`)
        .loginAs(user)
        .form(mandateForm)
        .withCsrfToken()
      store.assertStatus(403)
      const revoke = await client
        .post(`/mandates/${mandate.id}/revocation`)
        .loginAs(user)
        .form({ reason: 'Changement de banque' })
        .withCsrfToken()
      revoke.assertStatus(403)
    }
    const page = await client.get(`/companies/${tenant.companyId}`).loginAs(official)
    page.assertStatus(403)
  })
})
