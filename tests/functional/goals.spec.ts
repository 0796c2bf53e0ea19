import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Goal from '#models/goal'
import AuditEvent from '#models/audit_event'
import { createUser } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { today } from '#domain/periods'

const NOUVELLE_FORGE = {
  name: 'Objectif de la Nouvelle Forge',
  startsOn: '2016-11-01',
  endsOn: '2019-10-31',
  targetJobs: '80',
  measure: 'jobs_hosted',
}

test.group('Goals', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the form starts today for three years', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const response = await client.get('/goals/create').loginAs(manager)
    response.assertStatus(200)
    assert.include(response.text(), `value="${today().toISODate()}"`)
    assert.include(
      response.text(),
      `value="${today().plus({ years: 3 }).minus({ days: 1 }).toISODate()}"`
    )
  })

  test('a manager defines a goal: the first one becomes current, the change is recorded', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const response = await client
      .post('/goals')
      .loginAs(manager)
      .form(NOUVELLE_FORGE)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/goals')
    const goal = await Goal.findByOrFail('name', NOUVELLE_FORGE.name)
    assert.equal(goal.targetJobs, 80)
    assert.equal(goal.endsOn.toISODate(), '2019-10-31')
    const current = await Goal.current()
    assert.equal(current?.id, goal.id)
    const event = await AuditEvent.findByOrFail('action', 'goal.created')
    assert.equal(event.userId, manager.id)
    assert.equal(event.subjectId, goal.id)
  })

  test('goals are kept as history; making another current keeps the first', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    await client.post('/goals').loginAs(manager).form(NOUVELLE_FORGE).withCsrfToken()
    await client
      .post('/goals')
      .loginAs(manager)
      .form({
        ...NOUVELLE_FORGE,
        name: 'Deuxième période',
        startsOn: '2019-11-01',
        endsOn: '2022-10-31',
        targetJobs: '120',
      })
      .withCsrfToken()
    const [first, second] = await Goal.query().orderBy('id')
    // Not asked to: the first stays current.
    const before = await Goal.current()
    assert.equal(before?.id, first.id)

    const response = await client
      .post(`/goals/${second.id}/current`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/goals')
    const after = await Goal.current()
    assert.equal(after?.id, second.id)
    assert.lengthOf(await Goal.all(), 2)

    const list = await client.get('/goals').loginAs(manager)
    const text = visibleText(list.text())
    // Both periods are over: the list says so, and which one the dashboard follows.
    assert.include(text, 'Deuxième période Suivi au tableau de bord Terminé le 31 octobre 2022')
    assert.include(text, 'Objectif de la Nouvelle Forge Terminé le 31 octobre 2019')
    assert.exists(await AuditEvent.findBy('action', 'goal.made_current'))
  })

  test('a correction keeps the former terms in the history', async ({ client, assert }) => {
    const manager = await createUser('manager')
    await client.post('/goals').loginAs(manager).form(NOUVELLE_FORGE).withCsrfToken()
    const goal = await Goal.firstOrFail()
    const response = await client
      .put(`/goals/${goal.id}`)
      .loginAs(manager)
      .form({ ...NOUVELLE_FORGE, targetJobs: '90' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/goals')
    await goal.refresh()
    assert.equal(goal.targetJobs, 90)
    const event = await AuditEvent.findByOrFail('action', 'goal.updated')
    assert.deepEqual(event.changedFields, [{ field: 'targetJobs', before: 80, after: 90 }])
    const page = await client.get(`/goals/${goal.id}/edit`).loginAs(manager)
    assert.include(visibleText(page.text()), "Modification de l'objectif")
  })

  test('{label}: the form comes back with the input and a message, nothing saved')
    .with([
      {
        label: 'an end before the start',
        values: { endsOn: '2016-10-01' },
        field: 'endsOn',
        message: 'La fin doit être postérieure au début.',
      },
      {
        label: 'an end on the start day',
        values: { endsOn: '2016-11-01' },
        field: 'endsOn',
        message: 'La fin doit être postérieure au début.',
      },
      {
        label: 'a target of 0',
        values: { targetJobs: '0' },
        field: 'targetJobs',
        message: 'Saisissez au moins 1.',
      },
      {
        label: 'a negative target',
        values: { targetJobs: '-5' },
        field: 'targetJobs',
        message: 'Saisissez au moins 1.',
      },
      {
        label: 'a malformed date',
        values: { startsOn: '01/11/2016' },
        field: 'startsOn',
        message: 'Saisissez une date au format AAAA-MM-JJ.',
      },
      {
        label: 'a date that does not exist',
        values: { endsOn: '2019-02-30' },
        field: 'endsOn',
        message: 'Saisissez une date réelle.',
      },
      {
        label: 'an unknown measure',
        values: { measure: 'everything' },
        field: 'measure',
        message: 'Choisissez une valeur de la liste.',
      },
    ])
    .run(async ({ client, assert }, row) => {
      const manager = await createUser('manager')
      const response = await client
        .post('/goals')
        .loginAs(manager)
        .form({ ...NOUVELLE_FORGE, ...row.values })
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(302)
      response.assertFlashMessage('inputErrorsBag', { [row.field]: [row.message] })
      response.assertFlashMessage('name', NOUVELLE_FORGE.name)
      assert.lengthOf(await Goal.all(), 0)
    })
})
