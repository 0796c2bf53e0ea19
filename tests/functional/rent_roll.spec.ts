import { test } from '@japa/runner'
import { parse } from 'csv-parse/sync'
import testUtils from '@adonisjs/core/services/test_utils'
import Company from '#models/company'
import { day } from '#domain/periods'
import { createUser } from '#tests/support/fixtures'
import { createCell, openAgreement } from '#tests/support/agreements'
import { countQueries } from '#tests/support/queries'
import { visibleText } from '#tests/support/html'
import { assertPage } from '#tests/support/pages'

/** Two signed agreements in March 2026: one full month, one from the 16th. */
async function march() {
  const full = await Company.create({
    name: 'Alpha',
    sector: 'other',
    siret: '73282932000074',
    enteredOn: day('2025-01-01'),
  })
  const half = await Company.create({ name: 'Bêta', sector: 'other', enteredOn: day('2026-03-16') })
  const [a, b, c] = [
    await createCell({ code: 'R-1', areaSqm: 20 }),
    await createCell({ code: 'R-2', areaSqm: 10.5 }),
    await createCell({ code: 'R-3', areaSqm: 30 }),
  ]
  const signed = async (terms: Parameters<typeof openAgreement>[0]) => {
    const agreement = await openAgreement(terms)
    agreement.status = 'active'
    await agreement.save()
    return agreement
  }
  // Alpha is in its second year: 11,50 €/m² × 30,5 m² = 350,75 € + 60 € of charges.
  await signed({
    companyId: full.id,
    cellIds: [a.id, b.id],
    startsOn: day('2025-01-01'),
    endsOn: day('2026-12-31'),
    monthlyChargesCents: 6000,
  })
  // Bêta from 16 March: 16 days of 31 at 10 €/m² × 30 m² = 154,84 €; charges 31 € × 16/31 = 16 €.
  await signed({
    companyId: half.id,
    cellIds: [c.id],
    startsOn: day('2026-03-16'),
    endsOn: day('2026-12-31'),
    monthlyChargesCents: 3100,
  })
}

test.group('Rent roll (état locatif)', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('each agreement with its step, prorated rent and charges, totals and vacancy', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    await march()
    const response = await client.get('/rent-roll?month=2026-03').loginAs(manager)
    response.assertStatus(200)
    const text = visibleText(response.text())
    assert.include(text, 'État locatif de mars 2026')
    assert.include(text, '350,75 €')
    assert.include(text, '154,84 €')
    assert.include(text, '16,00 €')
    assert.include(text, '581,59 €')
    // 60,5 m² of cells; Bêta's 30 m² empty for 15 days: 30 × 15 / 31 = 14,52 m² vacant on average.
    assert.include(text, 'Vacance : 14,52 m² inoccupés en moyenne sur 60,5 m²')
  })

  test('the CSV parses back: ";" separator, BOM, decimal comma', async ({ client, assert }) => {
    const manager = await createUser('manager')
    await march()
    const response = await client.get('/rent-roll.csv?month=2026-03').loginAs(manager)
    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.include(response.header('content-disposition'), 'etat-locatif-2026-03.csv')
    const body = response.text()
    assert.equal(body.charCodeAt(0), 0xfeff)

    const rows: string[][] = parse(body, { delimiter: ';', bom: true })
    assert.deepEqual(rows[0], [
      'Entreprise',
      'SIRET',
      'Cellules',
      'Surface (m²)',
      'Palier (€/m²/mois)',
      'Jours',
      'Loyer (€)',
      'Charges (€)',
      'Total (€)',
    ])
    assert.deepEqual(rows[1], [
      'Alpha',
      '73282932000074',
      'R-1, R-2',
      '30,5',
      '11,50',
      '31',
      '350,75',
      '60,00',
      '410,75',
    ])
    assert.deepEqual(rows[2], ['Bêta', '', 'R-3', '30', '10,00', '16', '154,84', '16,00', '170,84'])
    assert.deepEqual(rows[3], ['Totaux', '', '', '', '', '', '505,59', '76,00', '581,59'])
  })

  test('drafts are not in the rent roll', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const company = await Company.create({ name: 'Brouillon', sector: 'other' })
    const cell = await createCell()
    await openAgreement({ companyId: company.id, cellIds: [cell.id], startsOn: day('2026-03-01') })
    const response = await client.get('/rent-roll?month=2026-03').loginAs(manager)
    assertPage(response, 'État locatif de mars 2026')
    assert.notInclude(response.text(), 'Brouillon')
  })

  test('the same number of queries with 5 and with 200 agreements', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const company = await Company.create({
      name: 'Nombreuse',
      sector: 'other',
      enteredOn: day('2010-01-01'),
    })
    const cells = [await createCell(), await createCell()]
    const signed = async (from: number, count: number) => {
      for (let i = from; i < from + count; i++) {
        const agreement = await openAgreement({
          companyId: company.id,
          cellIds: [cells[i % 2].id],
          startsOn: day('2010-01-01').plus({ days: i * 3 }),
          endsOn: day('2010-01-01').plus({ days: i * 3 + 1 }),
        })
        agreement.status = 'active'
        await agreement.save()
      }
    }
    await signed(0, 5)
    const few = await countQueries(() => client.get('/rent-roll?month=2010-01').loginAs(manager))
    await signed(5, 195)
    const many = await countQueries(() => client.get('/rent-roll?month=2010-01').loginAs(manager))
    assert.equal(many, few)
  })
})
