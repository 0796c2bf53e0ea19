import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import AuditEvent from '#models/audit_event'
import { createCompany, createUser, PASSWORD } from '#tests/support/fixtures'
import { countQueries } from '#tests/support/queries'
import { truncateAfterEach } from '#tests/support/database'
import { visibleText } from '#tests/support/html'
import { assertPage } from '#tests/support/pages'
import Company from '#models/company'
import { day } from '#domain/periods'
import { DateTime } from 'luxon'

test.group('Managers keep the accounts', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a manager creates a tenant account; the change is recorded', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const company = await createCompany('Atelier')
    const response = await client
      .post('/users')
      .loginAs(manager)
      .form({
        fullName: 'Léa Martin',
        email: 'Lea.Martin@Example.test',
        role: 'tenant',
        companyId: String(company.id),
        password: 'un-mot-de-passe-long',
      })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/users')
    response.assertFlashMessage('success', 'Le compte de Léa Martin est créé.')

    const user = await User.findByOrFail('email', 'lea.martin@example.test')
    assert.equal(user.role, 'tenant')
    assert.equal(user.companyId, company.id)
    assert.notEqual(user.password, 'un-mot-de-passe-long')
    assert.match(user.password, /^\$scrypt\$/)

    const event = await AuditEvent.query()
      .where('subject_type', 'User')
      .where('subject_id', user.id)
      .firstOrFail()
    assert.equal(event.action, 'user.created')
    assert.equal(event.userId, manager.id)
    assert.deepInclude(event.afterValues!, { email: 'lea.martin@example.test', role: 'tenant' })
    assert.notProperty(event.afterValues!, 'password')
  })

  test('the list reads names in French order, the page from the whole list', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager', { fullName: 'Bernard Petit' })
    await createUser('official', { fullName: 'Zoé Martin' })
    await createUser('official', { fullName: 'Émile Durand' })
    await createUser('official', { fullName: 'élise Dupont' })
    const response = await client.get('/users?role=official').loginAs(manager)
    response.assertStatus(200)
    const text = visibleText(response.text())
    const positions = ['élise Dupont', 'Émile Durand', 'Zoé Martin'].map((name) =>
      text.indexOf(name)
    )
    assert.isAbove(positions[0], -1)
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
      'é and É sort with e, before Z'
    )
  })

  test('a tenant account needs a company', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const response = await client
      .post('/users')
      .loginAs(manager)
      .header('referer', '/users/create')
      .form({
        fullName: 'Sans Société',
        email: 'sans@example.test',
        role: 'tenant',
        password: 'un-mot-de-passe-long',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/users/create')
    response.assertFlashMessage('inputErrorsBag', { companyId: ['Ce champ est obligatoire.'] })
    assert.isNull(await User.findBy('email', 'sans@example.test'))
  })

  test('a companyless role drops the company given', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    await client
      .post('/users')
      .loginAs(manager)
      .form({
        fullName: 'Élue Test',
        email: 'elue@example.test',
        role: 'official',
        companyId: String(company.id),
        password: 'un-mot-de-passe-long',
      })
      .withCsrfToken()
    const user = await User.findByOrFail('email', 'elue@example.test')
    assert.isNull(user.companyId)
  })

  test('bad input comes back with French messages next to the fields and the input kept', async ({
    client,
  }) => {
    const manager = await createUser('manager')
    const taken = await createUser('official')
    const response = await client
      .post('/users')
      .loginAs(manager)
      .header('referer', '/users/create')
      .form({
        fullName: 'X',
        email: taken.email,
        role: 'pirate',
        password: 'court',
      })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', '/users/create')
    response.assertFlashMessage('inputErrorsBag', {
      fullName: ['Saisissez au moins 2 caractères.'],
      email: ['Un compte utilise déjà cette adresse e-mail.'],
      role: ['Choisissez une valeur de la liste.'],
      password: ['Saisissez au moins 12 caractères.'],
    })
    response.assertFlashMessage('fullName', 'X')
    response.assertFlashMissing('password')
  })

  test('the form shows the kept input and the message next to its field', async ({ client }) => {
    const manager = await createUser('manager')
    const response = await client
      .get('/users/create')
      .loginAs(manager)
      .withFlashMessages({
        fullName: 'Valeur gardée',
        inputErrorsBag: { email: ['Saisissez une adresse e-mail valide.'] },
      })
    response.assertStatus(200)
    response.assertTextIncludes('value="Valeur gardée"')
    response.assertTextIncludes(
      '<p class="field-error" id="field-email-error">Saisissez une adresse e-mail valide.</p>'
    )
    response.assertTextIncludes('aria-describedby="field-email-error"')
  })

  test('a manager edits an account; before and after are recorded', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const user = await createUser('official', { fullName: 'Ancien Nom' })
    const response = await client
      .put(`/users/${user.id}`)
      .loginAs(manager)
      .form({ fullName: 'Nouveau Nom', email: user.email, role: 'official' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/users')

    await user.refresh()
    assert.equal(user.fullName, 'Nouveau Nom')
    const event = await AuditEvent.query()
      .where('action', 'user.updated')
      .where('subject_id', user.id)
      .firstOrFail()
    assert.equal(event.beforeValues!.fullName, 'Ancien Nom')
    assert.equal(event.afterValues!.fullName, 'Nouveau Nom')
  })

  test('an account keeps its email when edited (no false duplicate)', async ({ client }) => {
    const manager = await createUser('manager')
    const user = await createUser('manager')
    const response = await client
      .put(`/users/${user.id}`)
      .loginAs(manager)
      .form({ fullName: user.fullName, email: user.email, role: 'manager' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', `Le compte de ${user.fullName} est enregistré.`)
  })

  test('disabling then re-enabling an account, both recorded', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const user = await createUser('tenant')

    const disabled = await client
      .post(`/users/${user.id}/disablement`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    disabled.assertHeader('location', '/users')
    await user.refresh()
    assert.isTrue(user.isDisabled)

    const login = await client
      .post('/login')
      .form({ email: user.email, password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    login.assertHeader('location', '/login')

    await client
      .delete(`/users/${user.id}/disablement`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    await user.refresh()
    assert.isFalse(user.isDisabled)

    const actions = await AuditEvent.query()
      .where('subject_id', user.id)
      .orderBy('id')
      .select('action')
    assert.deepEqual(
      actions.map((event) => event.action),
      ['user.disabled', 'user.enabled']
    )
  })

  test('a manager cannot disable their own account', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const response = await client
      .post(`/users/${manager.id}/disablement`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(403)
    await manager.refresh()
    assert.isFalse(manager.isDisabled)
  })

  test('the last active manager cannot step down; with another one, a manager can', async ({
    client,
    assert,
  }) => {
    const alone = await createUser('manager')
    const demote = (actor: typeof alone, target: typeof alone) =>
      client
        .put(`/users/${target.id}`)
        .loginAs(actor)
        .header('referer', `/users/${target.id}/edit`)
        .form({ fullName: target.fullName, email: target.email, role: 'official' })
        .withCsrfToken()
        .redirects(0)
    const refused = await demote(alone, alone)
    refused.assertFlashMessage('inputErrorsBag', {
      role: ['La pépinière doit garder au moins un gestionnaire actif : nommez-en un autre avant.'],
    })
    await alone.refresh()
    assert.equal(alone.role, 'manager')

    const disabledColleague = await createUser('manager', { disabledAt: DateTime.utc() })
    const stillAlone = await demote(alone, alone)
    assert.exists(stillAlone.flashMessage('inputErrorsBag'))
    assert.equal(disabledColleague.role, 'manager')

    await createUser('manager')
    const stepsDown = await demote(alone, alone)
    stepsDown.assertHeader('location', '/users')
    await alone.refresh()
    assert.equal(alone.role, 'official')
  })

  test("a manager's company list: hosted first, then candidates, alumni; never archived", async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    await Company.create({ name: 'Zeta Hébergée', status: 'hosted', enteredOn: day('2020-01-01') })
    await Company.create({ name: 'Alpha Candidate', status: 'candidate' })
    await Company.create({ name: 'Beta Sortie', status: 'alumni', exitOn: day('2024-06-30') })
    await Company.create({ name: 'Gamma Archivée', status: 'alumni', archivedAt: DateTime.utc() })
    const page = await client.get('/users/create').loginAs(manager)
    const groups = [
      ...page.text().matchAll(/<optgroup label="([^"]+)">([\s\S]*?)<\/optgroup>/g),
    ].map((match) => [match[1], visibleText(match[2]).trim()])
    assert.deepEqual(
      groups.map(([label]) => label),
      ['Hébergées', 'Candidates', 'Sorties']
    )
    assert.include(groups[0][1], 'Zeta Hébergée')
    assert.include(groups[2][1], 'Beta Sortie')
    assert.notInclude(page.text(), 'Gamma Archivée')

    const booking = await client.get('/bookings/create').loginAs(manager)
    assertPage(booking, 'Réserver une salle')
    assert.notInclude(booking.text(), 'Gamma Archivée')
    assert.isBelow(
      booking.text().indexOf('Zeta Hébergée'),
      booking.text().indexOf('Alpha Candidate')
    )
  })

  test('the list filters by role and never shows password hashes', async ({ client, assert }) => {
    const manager = await createUser('manager', { fullName: 'Gérante Alpha' })
    await createUser('official', { fullName: 'Élu Bêta' })
    const response = await client.get('/users?role=official').loginAs(manager)
    response.assertStatus(200)
    response.assertTextIncludes('Élu Bêta')
    assert.notInclude(response.text(), 'Gérante Alpha</th>')
    assert.notInclude(response.text(), '$scrypt$')
  })

  test('the users list answers in a bounded number of queries', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const list = () => client.get('/users').loginAs(manager)
    const few = await countQueries(list)
    for (let i = 0; i < 10; i++) await createUser('tenant')
    const many = await countQueries(list)
    assert.isAtMost(few, 6)
    assert.equal(many, few)
  })
})

/** Truly parallel requests: no shared test transaction (on MySQL each has its own connection). */
test.group('Managers: never none left, whatever the concurrency', (group) => {
  group.each.setup(() => truncateAfterEach())

  test('two managers stepping down at once: one of them stays', async ({ client, assert }) => {
    const first = await createUser('manager')
    const second = await createUser('manager')
    await Promise.all(
      [first, second].map((manager) =>
        client
          .put(`/users/${manager.id}`)
          .loginAs(manager)
          .header('referer', `/users/${manager.id}/edit`)
          .form({ fullName: manager.fullName, email: manager.email, role: 'official' })
          .withCsrfToken()
          .redirects(0)
      )
    )
    const managers = await User.query().where('role', 'manager').whereNull('disabled_at')
    assert.lengthOf(managers, 1)
  })
})
