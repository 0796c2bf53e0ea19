import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Company from '#models/company'
import Building from '#models/building'
import Cell from '#models/cell'
import { day, today } from '#domain/periods'
import { createBuilding, createUser } from '#tests/support/fixtures'
import { createCell, openAgreement } from '#tests/support/agreements'
import { countQueries } from '#tests/support/queries'
import { visibleText } from '#tests/support/html'
import { assertPage } from '#tests/support/pages'

test.group("The building plan (the managers' home)", (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('shows each cell with its occupant and end date on the chosen day', async ({
    client,
    assert,
  }) => {
    await createBuilding()
    const manager = await createUser('manager')
    const company = await Company.create({ name: 'Occupante SAS', sector: 'other' })
    const cell = await createCell({ code: 'P-1', areaSqm: 25 })
    await createCell({ code: 'P-2', areaSqm: 25 })
    await openAgreement({
      companyId: company.id,
      cellIds: [cell.id],
      startsOn: day('2017-01-01'),
      endsOn: day('2017-12-31'),
    })

    const response = await client.get('/?on=2017-07-05').loginAs(manager)
    response.assertStatus(200)
    const text = visibleText(response.text())
    assert.include(text, 'Plan du bâtiment Nouvelle Forge au 5 juillet 2017')
    assert.include(text, 'Occupante SAS')
    assert.include(text, "jusqu'au 31 décembre 2017")
    assert.include(text, 'Occupation : 1 cellules sur 2 (50 %), 25 m² sur 50 m² (50 %).')

    const before = await client.get('/?on=2016-12-01').loginAs(manager)
    assert.include(visibleText(before.text()), 'à partir du 1er janvier 2017')
  })

  test('a network of buildings is shown one building at a time, chosen in a list', async ({
    client,
    assert,
  }) => {
    await createBuilding()
    const other = await Building.create({
      name: 'Escaut Numérique',
      address: 'Anzin',
      areaSqm: 600,
    })
    const manager = await createUser('manager')
    const company = await Company.create({ name: 'Voisine SAS', sector: 'other' })
    const here = await createCell({ code: 'NF-1' })
    const there = await Cell.create({
      buildingId: other.id,
      code: 'EN-1',
      floor: 0,
      areaSqm: 30,
      desks: 3,
    })
    await openAgreement({
      companyId: company.id,
      cellIds: [there.id],
      startsOn: day('2017-01-01'),
      endsOn: day('2017-12-31'),
    })

    // An agreement of the other building ending within 90 days: its deadline too stays there.
    const leaving = await Company.create({ name: 'Bientôt Partie SAS', sector: 'other' })
    const soon = await Cell.create({
      buildingId: other.id,
      code: 'EN-2',
      floor: 0,
      areaSqm: 20,
      desks: 2,
    })
    const ending = await openAgreement({
      companyId: leaving.id,
      cellIds: [soon.id],
      startsOn: today().minus({ months: 6 }),
      endsOn: today().plus({ days: 30 }),
    })
    await ending.activate()

    const firstPage = await client.get('/?on=2017-07-05').loginAs(manager)
    assertPage(firstPage, 'Plan et échéances')
    const first = visibleText(firstPage.text())
    assert.notInclude(first, 'Bientôt Partie SAS')
    assert.include(first, 'Plan du bâtiment Nouvelle Forge au 5 juillet 2017')
    assert.include(first, here.code)
    assert.notInclude(first, 'EN-1')
    assert.notInclude(first, 'Voisine SAS')
    assert.include(first, 'Occupation : 0 cellules sur 1')

    const response = await client.get(`/?on=2017-07-05&building=${other.id}`).loginAs(manager)
    assertPage(response, 'Plan et échéances')
    const second = visibleText(response.text())
    assert.include(second, 'Plan du bâtiment Escaut Numérique au 5 juillet 2017')
    assert.include(second, 'EN-1')
    assert.include(second, 'Voisine SAS')
    assert.notInclude(second, here.code)
    assert.include(second, 'Occupation : 1 cellules sur 2')
    assert.include(second, 'Bientôt Partie SAS')
    assert.match(response.text(), /<option\s+value="\d+"\s+selected\s*>\s*Escaut Numérique/)

    const timeline = await client
      .get(`/timeline?from=2017-01&building=${other.id}`)
      .loginAs(manager)
    assertPage(timeline, "Frise d'occupation")
    const rows = visibleText(timeline.text())
    assert.include(rows, 'Chaque cellule du bâtiment Escaut Numérique')
    assert.include(rows, 'EN-1')
    assert.notInclude(rows, here.code)
  })

  test('an invalid day falls back to today, never a 500', async ({ client }) => {
    await createBuilding()
    const manager = await createUser('manager')
    const response = await client.get('/?on=2026-02-30').loginAs(manager)
    response.assertStatus(200)
  })

  test('the same number of queries with 5 and with 200 agreements', async ({ client, assert }) => {
    await createBuilding()
    const manager = await createUser('manager')
    const cells: Cell[] = []
    for (let i = 0; i < 10; i++) cells.push(await createCell({ code: `Q-${i}` }))
    const company = await Company.create({ name: 'Nombreuse', sector: 'other' })
    const agree = async (count: number, offset: number) => {
      for (let i = offset; i < offset + count; i++) {
        const start = day('2000-01-01').plus({ months: i })
        await openAgreement({
          companyId: company.id,
          cellIds: [cells[i % 10].id],
          startsOn: start,
          endsOn: start.plus({ days: 20 }),
        })
      }
    }
    await agree(5, 0)
    const few = await countQueries(() => client.get('/?on=2000-01-10').loginAs(manager))
    await agree(195, 5)
    const many = await countQueries(() => client.get('/?on=2000-01-10').loginAs(manager))
    assert.equal(many, few)
  })
})
