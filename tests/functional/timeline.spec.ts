import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Company from '#models/company'
import { day } from '#domain/periods'
import { createUser } from '#tests/support/fixtures'
import { createCell, openAgreement } from '#tests/support/agreements'
import { countQueries } from '#tests/support/queries'
import { visibleText } from '#tests/support/html'

test.group('Occupancy timeline', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('one row per cell over 24 months, a stay drawn once across its months', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await Company.create({ name: 'Locataire Temporaire', sector: 'other' })
    const cell = await createCell({ code: 'TL-1' })
    await openAgreement({
      companyId: company.id,
      cellIds: [cell.id],
      startsOn: day('2027-02-15'),
      endsOn: day('2027-04-10'),
    })
    const response = await client.get('/timeline?from=2027-01').loginAs(manager)
    response.assertStatus(200)
    const html = response.text()
    const row = html.slice(
      html.indexOf('TL-1</th>'),
      html.indexOf('</tr>', html.indexOf('TL-1</th>'))
    )
    const spans = [
      ...row.matchAll(/<td\s+colspan="(\d+)"\s+class="timeline-slot timeline-(\w+)"/g),
    ].map((m) => [m[2], Number(m[1])])
    assert.deepEqual(spans, [
      ['free', 1],
      ['draft', 3],
      ['free', 20],
    ])
    assert.equal(visibleText(row).split('Locataire Temporaire').length - 1, 1)
    assert.include(html, '12 mois plus tard')
  })

  test('the same number of queries with 5 and with 200 agreements', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const company = await Company.create({ name: 'Nombreuse', sector: 'other' })
    const cells = [await createCell(), await createCell(), await createCell(), await createCell()]
    const make = async (from: number, count: number) => {
      for (let i = from; i < from + count; i++) {
        const start = day('2030-01-01').plus({ days: i * 4 })
        await openAgreement({
          companyId: company.id,
          cellIds: [cells[i % 4].id],
          startsOn: start,
          endsOn: start.plus({ days: 2 }),
        })
      }
    }
    await make(0, 5)
    const few = await countQueries(() => client.get('/timeline?from=2030-01').loginAs(manager))
    await make(5, 195)
    const many = await countQueries(() => client.get('/timeline?from=2030-01').loginAs(manager))
    assert.equal(many, few)
  })
})
