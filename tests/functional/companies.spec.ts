import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Company from '#models/company'
import AuditEvent from '#models/audit_event'
import { createCompany, createUser } from '#tests/support/fixtures'
import { countQueries } from '#tests/support/queries'
import { visibleText } from '#tests/support/html'
import { assertPage } from '#tests/support/pages'
import { today } from '#domain/periods'

const VALID_SIRET = '73282932000074'

test.group('Companies: managers admit and edit', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a manager admits a candidate; SIREN derived; change recorded', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const response = await client
      .post('/companies')
      .loginAs(manager)
      .form({
        name: 'Forge Logicielle',
        siret: '732 829 320 00074',
        legalForm: 'SAS',
        nafCode: '62.01z',
        sector: 'software',
        digital: 'true',
        foundedOn: '2016-09-01',
        email: 'Contact@Forge.test',
        website: 'https://forge.test',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)

    const company = await Company.findByOrFail('siret', VALID_SIRET)
    response.assertHeader('location', `/companies/${company.id}`)
    assert.equal(company.siren, '732829320')
    assert.equal(company.status, 'candidate')
    assert.equal(company.nafCode, '62.01Z')
    assert.isTrue(company.digital)
    assert.equal(company.foundedOn!.toISODate(), '2016-09-01')
    assert.equal(company.email, 'contact@forge.test')

    const event = await AuditEvent.findByOrFail('action', 'company.created')
    assert.equal(event.userId, manager.id)
    assert.equal(event.afterValues!.siret, VALID_SIRET)
  })

  for (const [label, field, value, message] of [
    [
      'a SIRET with a wrong check key',
      'siret',
      '73282932000075',
      'Ce SIRET a bien 14 chiffres, mais sa clé de contrôle ne correspond pas : vérifiez-le.',
    ],
    [
      'a SIRET with 13 digits',
      'siret',
      '7328293200007',
      'Un SIRET compte 14 chiffres ; vous en avez saisi 13.',
    ],
    [
      'a founding date in year 1',
      'foundedOn',
      '0001-01-01',
      "Saisissez une date entre l'année 1900 et l'année 2100.",
    ],
    [
      'a founding date in 9999',
      'foundedOn',
      '9999-12-31',
      "Saisissez une date entre l'année 1900 et l'année 2100.",
    ],
    ['an impossible date', 'foundedOn', '2026-02-30', 'Saisissez une date réelle.'],
    ['a malformed date', 'foundedOn', '30/02/2026', 'Saisissez une date au format AAAA-MM-JJ.'],
    ['an unknown sector', 'sector', 'piracy', 'Choisissez une valeur de la liste.'],
    ['a bad NAF code', 'nafCode', '6201', 'Le format de ce champ est invalide.'],
    ['a website without protocol', 'website', 'forge.test', 'Saisissez une adresse web valide.'],
  ] as const) {
    test(`${label} comes back with a French message and nothing is saved`, async ({
      client,
      assert,
    }) => {
      const manager = await createUser('manager')
      const form: Record<string, string> = { name: 'Société Refusée', sector: 'other' }
      form[field] = value
      const response = await client
        .post('/companies')
        .loginAs(manager)
        .header('referer', '/companies/create')
        .form(form)
        .withCsrfToken()
        .redirects(0)
      response.assertHeader('location', '/companies/create')
      response.assertFlashMessage('inputErrorsBag', { [field]: [message] })
      response.assertFlashMessage('name', 'Société Refusée')
      assert.isNull(await Company.findBy('name', 'Société Refusée'))
    })
  }

  test('two companies cannot share a SIRET', async ({ client }) => {
    const manager = await createUser('manager')
    await Company.create({ name: 'Première', siret: VALID_SIRET, sector: 'other' })
    const response = await client
      .post('/companies')
      .loginAs(manager)
      .form({ name: 'Seconde', siret: VALID_SIRET, sector: 'other' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', { siret: ['Cette valeur est déjà utilisée.'] })
  })

  test('editing keeps the SIRET its own and records before and after', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await Company.create({ name: 'Ancienne', siret: VALID_SIRET, sector: 'other' })
    const response = await client
      .put(`/companies/${company.id}`)
      .loginAs(manager)
      .form({ name: 'Nouvelle', siret: VALID_SIRET, sector: 'creative' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/companies/${company.id}`)
    await company.refresh()
    assert.equal(company.name, 'Nouvelle')
    const event = await AuditEvent.findByOrFail('action', 'company.updated')
    assert.deepEqual(
      event.changedFields.map((change) => change.field),
      ['name', 'sector']
    )

    const page = await client.get(`/companies/${company.id}`).loginAs(manager)
    const text = visibleText(page.text())
    assert.include(text, 'Historique des modifications')
    assert.include(text, 'Raison sociale : Ancienne → Nouvelle')
    assert.include(text, 'Secteur : Autre → Industries créatives')
  })

  test('the list filters by status, sector and digital flag, searches name or SIRET', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    await Company.createMany([
      {
        name: 'Alpha Logiciel',
        sector: 'software',
        digital: true,
        status: 'hosted',
        siret: VALID_SIRET,
      },
      { name: 'Bêta Conseil', sector: 'consulting', digital: false, status: 'hosted' },
      { name: 'Gamma Atelier', sector: 'industry', digital: false, status: 'candidate' },
    ])
    const names = async (query: string) => {
      const response = await client.get(`/companies?${query}`).loginAs(manager)
      response.assertStatus(200)
      return ['Alpha Logiciel', 'Bêta Conseil', 'Gamma Atelier'].filter((name) =>
        response.text().includes(name)
      )
    }
    assert.deepEqual(await names('status=hosted'), ['Alpha Logiciel', 'Bêta Conseil'])
    assert.deepEqual(await names('sector=industry'), ['Gamma Atelier'])
    assert.deepEqual(await names('digital=yes'), ['Alpha Logiciel'])
    assert.deepEqual(await names('digital=no&status=hosted'), ['Bêta Conseil'])
    assert.deepEqual(await names('q=atelier'), ['Gamma Atelier'])
    assert.deepEqual(await names('q=%25'), [])

    // Signed for a start in the future: still a candidate until then.
    await Company.create({
      name: 'Delta Future',
      sector: 'other',
      status: 'hosted',
      enteredOn: today().plus({ months: 2 }),
    })
    const statusOf = async (query: string) => {
      const response = await client.get(`/companies?${query}`).loginAs(manager)
      return response.text().includes('Delta Future')
    }
    assert.isTrue(await statusOf('status=candidate'))
    assert.isFalse(await statusOf('status=hosted'))
    assert.deepEqual(await names('q=732+829'), ['Alpha Logiciel'])
    assert.deepEqual(await names('status=bogus'), [
      'Alpha Logiciel',
      'Bêta Conseil',
      'Gamma Atelier',
    ])
  })

  test('the list answers in the same number of queries for 5 and 200 companies', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const make = (count: number) =>
      Company.createMany(
        Array.from({ length: count }, (_, index) => ({
          name: `Société ${index}`,
          sector: 'other' as const,
        }))
      )
    await make(5)
    const few = await countQueries(() => client.get('/companies').loginAs(manager))
    await make(195)
    const many = await countQueries(() => client.get('/companies?page=3').loginAs(manager))
    assert.equal(many, few)
  })

  test('a manager records the exit of a hosted company', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const company = await Company.create({ name: 'Partante', sector: 'other', status: 'hosted' })
    const response = await client
      .post(`/companies/${company.id}/exit`)
      .loginAs(manager)
      .form({ exitOn: '2019-06-30', exitReason: 'graduated' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/companies/${company.id}`)
    await company.refresh()
    assert.equal(company.status, 'alumni')
    assert.equal(company.exitOn!.toISODate(), '2019-06-30')
    const event = await AuditEvent.findByOrFail('action', 'company.exited')
    assert.equal(event.beforeValues!.status, 'hosted')
  })

  test('a candidate cannot exit: French message, nothing changed', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const company = await Company.create({ name: 'Candidate', sector: 'other' })
    const response = await client
      .post(`/companies/${company.id}/exit`)
      .loginAs(manager)
      .header('referer', `/companies/${company.id}/exit/create`)
      .form({ exitOn: '2019-06-30', exitReason: 'graduated' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/companies/${company.id}/exit/create`)
    response.assertFlashMessage(
      'error',
      'Seule une entreprise hébergée peut sortir de la pépinière.'
    )
    await company.refresh()
    assert.equal(company.status, 'candidate')
  })

  test('control characters in a name or notes are refused; line breaks in notes are kept', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const post = (fields: Record<string, string>) =>
      client
        .post('/companies')
        .loginAs(manager)
        .header('referer', '/companies/create')
        .form({ name: 'Atelier Clair', sector: 'other', ...fields })
        .withCsrfToken()
        .redirects(0)
    const message = 'Ce texte contient des caractères de contrôle invisibles\u00a0: retirez-les.'

    const nul = await post({ name: 'Atelier\u0000Nul' })
    nul.assertHeader('location', '/companies/create')
    nul.assertFlashMessage('inputErrorsBag', { name: [message] })
    const escape = await post({ notes: 'Rouge \u001b[31m vif' })
    escape.assertFlashMessage('inputErrorsBag', { notes: [message] })
    assert.lengthOf(await Company.all(), 0)

    const kept = await post({ notes: 'Première ligne\r\n\tdeuxième ligne' })
    kept.assertStatus(302)
    const company = await Company.findByOrFail('name', 'Atelier Clair')
    assert.equal(company.notes, 'Première ligne\r\n\tdeuxième ligne')
  })
})

test.group('Companies: tenants see only their own', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a tenant sees its own company without internal notes or history', async ({ client }) => {
    const company = await Company.create({
      name: 'Chez Nous',
      sector: 'other',
      notes: 'Note interne confidentielle',
    })
    const tenant = await createUser('tenant', { companyId: company.id })
    const response = await client.get(`/companies/${company.id}`).loginAs(tenant)
    response.assertStatus(200)
    response.assertTextIncludes('Chez Nous')
    response.assertTextIncludes('Modifier les coordonnées')
    const html = response.text()
    for (const hidden of [
      'Note interne confidentielle',
      'Historique des modifications',
      'Modifier la fiche',
    ]) {
      if (html.includes(hidden)) throw new Error(`tenant sees "${hidden}"`)
    }
  })

  test("a tenant never sees another company's page", async ({ client }) => {
    const other = await createCompany('Voisine')
    const tenant = await createUser('tenant')
    const response = await client.get(`/companies/${other.id}`).loginAs(tenant)
    response.assertStatus(403)
    const edit = await client.get(`/companies/${other.id}/contact/edit`).loginAs(tenant)
    edit.assertStatus(403)
  })

  test('a tenant updates its contact details only; the change is recorded', async ({
    client,
    assert,
  }) => {
    const company = await Company.create({ name: 'Chez Nous', sector: 'other' })
    const tenant = await createUser('tenant', { companyId: company.id })
    const response = await client
      .put(`/companies/${company.id}/contact`)
      .loginAs(tenant)
      .form({
        contactName: 'Nouvelle Personne',
        email: 'nous@example.test',
        phone: '+33 3 27 00 00 00',
        name: 'Nom piraté',
        sector: 'software',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/companies/${company.id}`)
    await company.refresh()
    assert.equal(company.contactName, 'Nouvelle Personne')
    assert.equal(company.phone, '+33 3 27 00 00 00')
    assert.equal(company.name, 'Chez Nous')
    assert.equal(company.sector, 'other')
    const event = await AuditEvent.findByOrFail('action', 'company.contact_updated')
    assert.equal(event.userId, tenant.id)
  })

  test("a tenant cannot update another company's contact details", async ({ client, assert }) => {
    const other = await Company.create({ name: 'Voisine', sector: 'other' })
    const tenant = await createUser('tenant')
    const response = await client
      .put(`/companies/${other.id}/contact`)
      .loginAs(tenant)
      .form({ contactName: 'Intrus' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(403)
    await other.refresh()
    assert.isNull(other.contactName)
  })

  test('a phone number needs 6 to 15 digits', async ({ client, assert }) => {
    const company = await Company.create({ name: 'Au Bout du Fil', sector: 'other' })
    const tenant = await createUser('tenant', { companyId: company.id })
    const put = (phone: string) =>
      client
        .put(`/companies/${company.id}/contact`)
        .loginAs(tenant)
        .header('referer', `/companies/${company.id}/contact/edit`)
        .form({ phone })
        .withCsrfToken()
        .redirects(0)
    const message =
      'Saisissez un numéro de téléphone de 6 à 15 chiffres, par exemple 03 27 00 00 00.'
    for (const phone of ['99999999999999999999', '+33 (0)3 27 00 00 00 00 00 00', '12-34']) {
      const refused = await put(phone)
      refused.assertHeader('location', `/companies/${company.id}/contact/edit`)
      refused.assertFlashMessage('inputErrorsBag', { phone: [message] })
    }
    await company.refresh()
    assert.isNull(company.phone)

    const accepted = await put('+44 20 7946 0958')
    accepted.assertHeader('location', `/companies/${company.id}`)
    await company.refresh()
    assert.equal(company.phone, '+44 20 7946 0958')
  })
})

test.group('Companies: archived, never deleted', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an alumnus is archived: out of the list, still on record; and restored', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await Company.create({
      name: 'Ancienne Sortie',
      sector: 'other',
      status: 'alumni',
    })
    await client.post(`/companies/${company.id}/archive`).loginAs(manager).withCsrfToken()
    await company.refresh()
    assert.isTrue(company.isArchived)

    const list = await client.get('/companies').loginAs(manager)
    assertPage(list, 'Entreprises')
    assert.notInclude(list.text(), 'Ancienne Sortie')
    const archives = await client.get('/companies?archived=yes').loginAs(manager)
    assertPage(archives, 'Entreprises')
    assert.include(archives.text(), 'Ancienne Sortie')
    const page = await client.get(`/companies/${company.id}`).loginAs(manager)
    page.assertStatus(200)

    await client.delete(`/companies/${company.id}/archive`).loginAs(manager).withCsrfToken()
    await company.refresh()
    assert.isFalse(company.isArchived)
    assert.exists(await AuditEvent.findBy('action', 'company.archived'))
    assert.exists(await AuditEvent.findBy('action', 'company.unarchived'))
  })

  test('a hosted company cannot be archived', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const company = await Company.create({ name: 'Présente', sector: 'other', status: 'hosted' })
    const response = await client
      .post(`/companies/${company.id}/archive`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', 'Une entreprise hébergée ne peut pas être archivée.')
    await company.refresh()
    assert.isFalse(company.isArchived)
  })
})
