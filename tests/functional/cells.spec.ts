import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Cell from '#models/cell'
import AuditEvent from '#models/audit_event'
import { createBuilding, createUser } from '#tests/support/fixtures'

async function createCell(code = 'RDC-01') {
  const building = await createBuilding()
  return Cell.create({ buildingId: building.id, code, floor: 0, areaSqm: 18.5, desks: 2 })
}

test.group('Cells: managers keep them up to date', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the list shows every cell with its area in French', async ({ client }) => {
    const manager = await createUser('manager')
    await createCell('RDC-01')
    await createCell('ET1-01')
    const response = await client.get('/cells').loginAs(manager)
    response.assertStatus(200)
    response.assertTextIncludes('RDC-01')
    response.assertTextIncludes('18,5 m²')
    response.assertTextIncludes('Rez-de-chaussée')
  })

  test('a manager edits a cell with a French decimal; the change is recorded', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const cell = await createCell()
    const response = await client
      .put(`/cells/${cell.id}`)
      .loginAs(manager)
      .form({ code: 'rdc-01', floor: '0', areaSqm: '21,25', desks: '3' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/cells')
    await cell.refresh()
    assert.equal(cell.areaSqm, 21.25)
    assert.equal(cell.desks, 3)
    const event = await AuditEvent.findByOrFail('action', 'cell.updated')
    assert.deepEqual(
      event.changedFields.map((change) => change.field),
      ['areaSqm', 'desks']
    )
  })

  test('out of service needs a reason; back in service clears it', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const cell = await createCell()
    const put = (form: Record<string, string>) =>
      client
        .put(`/cells/${cell.id}`)
        .loginAs(manager)
        .header('referer', `/cells/${cell.id}/edit`)
        .form({ code: 'RDC-01', floor: '0', areaSqm: '18,5', desks: '2', ...form })
        .withCsrfToken()
        .redirects(0)

    const refused = await put({ outOfService: 'true' })
    refused.assertFlashMessage('inputErrorsBag', {
      outOfServiceReason: ['Ce champ est obligatoire.'],
    })
    await cell.refresh()
    assert.isFalse(cell.isOutOfService)

    await put({ outOfService: 'true', outOfServiceReason: 'Dégât des eaux' })
    await cell.refresh()
    assert.isTrue(cell.isOutOfService)
    assert.equal(cell.outOfServiceReason, 'Dégât des eaux')

    await put({})
    await cell.refresh()
    assert.isFalse(cell.isOutOfService)
    assert.isNull(cell.outOfServiceReason)
  })

  for (const [label, form, field, message] of [
    [
      'a zero area',
      { areaSqm: '0' },
      'areaSqm',
      'Saisissez un nombre supérieur à 0 et au plus 500.',
    ],
    ['a negative area', { areaSqm: '-4' }, 'areaSqm', 'Saisissez un nombre, par exemple 18,5.'],
    ['a text area', { areaSqm: 'grand' }, 'areaSqm', 'Saisissez un nombre, par exemple 18,5.'],
    ['a duplicate code', { code: 'ET1-01' }, 'code', 'Cette valeur est déjà utilisée.'],
    ['fractional desks', { desks: '2.5' }, 'desks', 'Saisissez un nombre entier.'],
  ] as const) {
    test(`${label} is refused with a French message`, async ({ client, assert }) => {
      const manager = await createUser('manager')
      const cell = await createCell()
      await createCell('ET1-01')
      const response = await client
        .put(`/cells/${cell.id}`)
        .loginAs(manager)
        .header('referer', `/cells/${cell.id}/edit`)
        .form({ code: 'RDC-01', floor: '0', areaSqm: '18,5', desks: '2', ...form })
        .withCsrfToken()
        .redirects(0)
      response.assertHeader('location', `/cells/${cell.id}/edit`)
      response.assertFlashMessage('inputErrorsBag', { [field]: [message] })
      await cell.refresh()
      assert.equal(cell.areaSqm, 18.5)
      assert.equal(cell.code, 'RDC-01')
    })
  }
})
