import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Company from '#models/company'
import Declaration from '#models/declaration'
import AuditEvent from '#models/audit_event'
import { day, today } from '#domain/periods'
import { createUser } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { declarationsDue } from '#domain/declaration_periods'

/** A company hosted since 2026-01-15, with a tenant account. */
async function hostedCompany() {
  const company = await Company.create({
    name: 'Déclarante',
    sector: 'software',
    status: 'hosted',
    enteredOn: day('2026-01-15'),
  })
  const tenant = await createUser('tenant', { companyId: company.id })
  return { company, tenant }
}

const headcount = {
  executives: '2',
  permanent: '3',
  fixedTerm: '1',
  apprentices: '1',
  interns: '2',
}

test.group('Headcount declarations', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a tenant sees the periods due and declares one; it awaits validation', async ({
    client,
    assert,
  }) => {
    const { company, tenant } = await hostedCompany()
    const page = await client.get(`/companies/${company.id}/declarations`).loginAs(tenant)
    page.assertStatus(200)
    page.assertTextIncludes('À déclarer')

    const response = await client
      .post(`/companies/${company.id}/declarations`)
      .loginAs(tenant)
      .form({ kind: 'quarter', periodOn: '2026-03-31', fte: '6,5', ...headcount })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/companies/${company.id}/declarations`)
    const declaration = await Declaration.findByOrFail('company_id', company.id)
    assert.equal(declaration.jobs, 7)
    assert.equal(declaration.interns, 2)
    assert.equal(declaration.fte, 6.5)
    assert.equal(declaration.status, 'submitted')
    assert.equal(declaration.declaredById, tenant.id)
  })

  test("the tenant's home says how many declarations are left to make", async ({
    client,
    assert,
  }) => {
    const { company, tenant } = await hostedCompany()
    const due = declarationsDue(company, today()).length
    const before = await client.get('/').loginAs(tenant)
    const toMake = (count: number) =>
      count === 0
        ? "Toutes vos déclarations d'effectif sont faites."
        : count === 1
          ? 'Une déclaration est à faire :'
          : `${count} déclarations sont à faire :`
    assert.include(visibleText(before.text()), toMake(due))

    await client
      .post(`/companies/${company.id}/declarations`)
      .loginAs(tenant)
      .form({ kind: 'entry', periodOn: '2026-01-15', ...headcount })
      .withCsrfToken()
    const after = await client.get('/').loginAs(tenant)
    const left = due - 1
    assert.include(visibleText(after.text()), toMake(left))
    assert.include(after.text(), `/companies/${company.id}/declarations`)
  })

  for (const [label, form, field, message] of [
    ['a negative count', { executives: '-1' }, 'executives', 'Saisissez au moins 0.'],
    [
      'FTE above the headcount',
      { fte: '9' },
      'fte',
      'Les équivalents temps plein ne peuvent pas dépasser l’effectif (7).'.replace('’', "'"),
    ],
    [
      'a period not due',
      { periodOn: '2026-02-28' },
      'periodOn',
      "Aucune déclaration n'est due pour cette période.",
    ],
    [
      'a period in the future',
      { periodOn: today().plus({ years: 1 }).endOf('quarter').toISODate()! },
      'periodOn',
      "Aucune déclaration n'est due pour cette période.",
    ],
  ] as const) {
    test(`${label} is refused with a French message, nothing saved`, async ({ client, assert }) => {
      const { company, tenant } = await hostedCompany()
      const response = await client
        .post(`/companies/${company.id}/declarations`)
        .loginAs(tenant)
        .header('referer', `/companies/${company.id}/declarations/create`)
        .form({ kind: 'quarter', periodOn: '2026-03-31', ...headcount, ...form })
        .withCsrfToken()
        .redirects(0)
      response.assertFlashMessage('inputErrorsBag', { [field]: [message] })
      assert.isNull(await Declaration.findBy('company_id', company.id))
    })
  }

  test('a second declaration for the same period is refused', async ({ client, assert }) => {
    const { company, tenant } = await hostedCompany()
    const post = () =>
      client
        .post(`/companies/${company.id}/declarations`)
        .loginAs(tenant)
        .form({ kind: 'quarter', periodOn: '2026-03-31', ...headcount })
        .withCsrfToken()
        .redirects(0)
    await post()
    const second = await post()
    second.assertFlashMessage('inputErrorsBag', {
      periodOn: ['Une déclaration existe déjà pour cette période : corrigez-la plutôt.'],
    })
    const rows = await Declaration.query().where('company_id', company.id)
    assert.lengthOf(rows, 1)
  })

  test('the tenant corrects until a manager validates; then only a manager, with a reason', async ({
    client,
    assert,
  }) => {
    const { company, tenant } = await hostedCompany()
    const manager = await createUser('manager')
    await client
      .post(`/companies/${company.id}/declarations`)
      .loginAs(tenant)
      .form({ kind: 'quarter', periodOn: '2026-03-31', ...headcount })
      .withCsrfToken()
    const declaration = await Declaration.findByOrFail('company_id', company.id)

    await client
      .put(`/declarations/${declaration.id}`)
      .loginAs(tenant)
      .form({ ...headcount, permanent: '4' })
      .withCsrfToken()
    await declaration.refresh()
    assert.equal(declaration.permanent, 4)

    await client.post(`/declarations/${declaration.id}/validation`).loginAs(manager).withCsrfToken()
    await declaration.refresh()
    assert.isTrue(declaration.isValidated)

    const late = await client
      .put(`/declarations/${declaration.id}`)
      .loginAs(tenant)
      .header('referer', `/declarations/${declaration.id}/edit`)
      .form({ ...headcount, permanent: '9' })
      .withCsrfToken()
      .redirects(0)
    late.assertFlashMessage(
      'error',
      'Cette déclaration est validée : seul un gestionnaire peut la corriger.'
    )

    const noReason = await client
      .put(`/declarations/${declaration.id}`)
      .loginAs(manager)
      .form({ ...headcount, permanent: '5' })
      .withCsrfToken()
      .redirects(0)
    noReason.assertFlashMessage('inputErrorsBag', { reason: ['Donnez le motif de la correction.'] })

    await client
      .put(`/declarations/${declaration.id}`)
      .loginAs(manager)
      .form({ ...headcount, permanent: '5', reason: 'Erreur de saisie' })
      .withCsrfToken()
    await declaration.refresh()
    assert.equal(declaration.permanent, 5)
    const correction = await AuditEvent.findByOrFail('action', 'declaration.corrected')
    assert.deepInclude(correction.changedFields, { field: 'permanent', before: 4, after: 5 })
    assert.equal(correction.userId, manager.id)
  })

  test("a tenant's edit never records a manager's correction reason", async ({
    client,
    assert,
  }) => {
    const { company, tenant } = await hostedCompany()
    await client
      .post(`/companies/${company.id}/declarations`)
      .loginAs(tenant)
      .form({ kind: 'quarter', periodOn: '2026-03-31', ...headcount })
      .withCsrfToken()
    const declaration = await Declaration.findByOrFail('company_id', company.id)
    await client
      .put(`/declarations/${declaration.id}`)
      .loginAs(tenant)
      .form({ ...headcount, permanent: '4', reason: 'Validé par la direction' })
      .withCsrfToken()
    await declaration.refresh()
    assert.equal(declaration.permanent, 4)
    assert.notInclude(declaration.comment ?? '', 'Validé par la direction')
    assert.isNull(await AuditEvent.findBy('action', 'declaration.corrected'))
    assert.exists(await AuditEvent.findBy('action', 'declaration.updated'))
  })

  test('a manager declares on behalf of a company: validated at once', async ({
    client,
    assert,
  }) => {
    const { company } = await hostedCompany()
    const manager = await createUser('manager')
    await client
      .post(`/companies/${company.id}/declarations`)
      .loginAs(manager)
      .form({ kind: 'entry', periodOn: '2026-01-15', ...headcount })
      .withCsrfToken()
    const declaration = await Declaration.findByOrFail('company_id', company.id)
    assert.isTrue(declaration.isValidated)
    assert.equal(declaration.validatedById, manager.id)
  })

  test("a tenant never sees another company's declarations", async ({ client }) => {
    const { company } = await hostedCompany()
    const stranger = await createUser('tenant')
    const response = await client.get(`/companies/${company.id}/declarations`).loginAs(stranger)
    response.assertStatus(403)
  })
})
