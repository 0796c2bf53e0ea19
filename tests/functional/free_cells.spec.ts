import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Company from '#models/company'
import { day } from '#domain/periods'
import { createUser } from '#tests/support/fixtures'
import { createCell, openAgreement } from '#tests/support/agreements'

test.group('Free cells finder (page)', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('lists the free cells with a link that prefills the agreement', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const free = await createCell({ code: 'LIBRE-1', areaSqm: 22 })
    const taken = await createCell({ code: 'PRISE-1', areaSqm: 22 })
    const company = await Company.create({ name: 'Occupante', sector: 'other' })
    await openAgreement({
      companyId: company.id,
      cellIds: [taken.id],
      startsOn: day('2027-01-01'),
      endsOn: day('2027-12-31'),
    })

    const response = await client
      .get('/free-cells?startsOn=2027-03-01&endsOn=2027-08-31&minAreaSqm=20')
      .loginAs(manager)
    response.assertStatus(200)
    assert.include(response.text(), 'LIBRE-1')
    assert.notInclude(response.text(), 'PRISE-1')
    assert.include(
      response.text(),
      `/agreements/create?cell_ids=${free.id}&amp;starts_on=2027-03-01&amp;ends_on=2027-08-31`
    )

    const form = await client
      .get(`/agreements/create?cell_ids=${free.id}&starts_on=2027-03-01&ends_on=2027-08-31`)
      .loginAs(manager)
    assert.match(form.text(), new RegExp(`id="cell-${free.id}"[^>]*value="${free.id}"\\s+checked`))
    assert.include(form.text(), 'value="2027-03-01"')
  })

  test('an end before the start says so, never a 500', async ({ client }) => {
    const manager = await createUser('manager')
    const response = await client
      .get('/free-cells?startsOn=2027-03-01&endsOn=2027-01-01')
      .loginAs(manager)
    response.assertStatus(200)
    response.assertTextIncludes('La fin doit suivre le début.')
  })
})
