import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { parse } from 'csv-parse/sync'
import testUtils from '@adonisjs/core/services/test_utils'
import Company from '#models/company'
import { day } from '#domain/periods'
import { toLocal } from '#domain/local_time'
import { createUser } from '#tests/support/fixtures'
import { createCell, openAgreement } from '#tests/support/agreements'
import { bookDirectly, createRoom } from '#tests/support/bookings'
import { seedCompanies } from '#tests/support/reporting'

/** Names a spreadsheet would run as formulas, or that carry control characters. */
const HOSTILE_NAMES = [
  '=HYPERLINK("http://evil.example","Cliquez")',
  '+SUM(1;2)',
  '-2+3+cmd|" /C calc"!A0',
  '@SUM(A1:A9)',
  '\t=1+1 Tabulée',
  '  =1+1 Espacée',
  '\uFF1DSUM(1) Pleine',
  'Contrôle\u0007\u001b SARL',
]

/** A CSV export's cells, BOM and separator read back. */
function cells(body: string) {
  const rows: string[][] = parse(body, { delimiter: ';', bom: true, relax_column_count: true })
  return rows.flat()
}

/** No cell a spreadsheet would read as a formula, and no control character anywhere. */
function assertInert(assert: any, body: string) {
  for (const cell of cells(body)) {
    const numeric = /^-?\d+(,\d+)?( %)?$/.test(cell)
    if (!numeric) assert.notMatch(cell, /^[\s]*[=+\-@\uFF1D]/, cell)
    assert.notMatch(cell, /^[\t\r]/, cell)
    // eslint-disable-next-line no-control-regex
    assert.notMatch(cell, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/, cell)
  }
}

test.group('CSV exports: names never run as formulas', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('rent roll CSV', async ({ client, assert }) => {
    for (const name of HOSTILE_NAMES) {
      const company = await Company.create({ name, sector: 'other', enteredOn: day('2026-01-01') })
      const cell = await createCell()
      const agreement = await openAgreement({ companyId: company.id, cellIds: [cell.id] })
      agreement.status = 'active'
      await agreement.save()
    }
    const manager = await createUser('manager')
    const response = await client.get('/rent-roll.csv?month=2026-03').loginAs(manager)
    response.assertStatus(200)
    assertInert(assert, response.text())
    const all = cells(response.text())
    assert.include(all, `'=HYPERLINK("http://evil.example","Cliquez")`)
    assert.include(all, 'Contrôle SARL')
  })

  test('meeting room use CSV', async ({ client, assert }) => {
    const month = toLocal(DateTime.utc()).startOf('month').plus({ months: 1 })
    const weekday = Array.from({ length: 7 }, (_, index) => month.plus({ days: index })).find(
      (candidate) => candidate.weekday <= 5
    )!
    const room = await createRoom({ name: '@Salle piégée' })
    let hour = 8
    for (const name of HOSTILE_NAMES) {
      const company = await Company.create({ name, sector: 'other', status: 'hosted' })
      const start = `${String(hour).padStart(2, '0')}:00`
      hour += 1
      const end = `${String(hour).padStart(2, '0')}:00`
      await bookDirectly(room, company.id, weekday.toISODate()!, start, end)
    }
    const manager = await createUser('manager')
    const response = await client
      .get('/room-use.csv')
      .qs({ month: month.toFormat('yyyy-MM') })
      .loginAs(manager)
    response.assertStatus(200)
    assertInert(assert, response.text())
    assert.include(cells(response.text()), `'@Salle piégée`)
  })

  test('dashboard CSVs (companies and monthly series), for officials and managers', async ({
    client,
    assert,
  }) => {
    await seedCompanies(2, '=HYPERLINK("http://evil.example")')
    for (const role of ['official', 'manager'] as const) {
      const user = await createUser(role)
      for (const path of ['/dashboard/companies.csv', '/dashboard/series.csv']) {
        const response = await client.get(path).qs({ on: '2018-01-15' }).loginAs(user)
        response.assertStatus(200)
        assertInert(assert, response.text())
      }
      const companies = await client
        .get('/dashboard/companies.csv')
        .qs({ on: '2018-01-15' })
        .loginAs(user)
      assert.include(cells(companies.text()), `'=HYPERLINK("http://evil.example") 0001`)
    }
  })
})
