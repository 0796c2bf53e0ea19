import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ExcelJS from 'exceljs'
import superagent from 'superagent'
import { parse } from 'csv-parse/sync'
import MainSeeder from '#database/seeders/main_seeder'
import Goal from '#models/goal'
import Company from '#models/company'
import { createUser } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { assertPage } from '#tests/support/pages'
import { countQueries } from '#tests/support/queries'
import { seedCompanies } from '#tests/support/reporting'
import { day } from '#domain/periods'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
// The API client buffers unknown types as text: read workbooks as bytes.
superagent.parse[XLSX] = superagent.parse.image

/** The CSV rows of a response (";" separated, BOM removed, the heading lines kept). */
function csvRows(text: string): string[][] {
  return parse(text.replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: true })
}

/** The table of a CSV export: its rows from the column titles on (after the blank line). */
function csvTable(text: string): string[][] {
  const rows = csvRows(text)
  return rows.slice(rows.findIndex((row) => row.length === 1 && row[0] === '') + 1)
}

test.group('Dashboard: the demo story', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('on 2017-07-05 an official reads 11 companies hosted, 9 digital, 25 jobs of 80', async ({
    client,
    assert,
  }) => {
    await new MainSeeder(db.connection()).run()
    const official = await createUser('official')
    const response = await client.get('/dashboard').qs({ on: '2017-07-05' }).loginAs(official)
    response.assertStatus(200)
    const text = visibleText(response.text())
    assert.include(text, 'Situation au 5 juillet 2017')
    assert.include(text, '25 sur 80 visés')
    assert.include(text, '11, dont 9 du numérique')
    assert.include(text, 'Dans la trajectoire')
    assert.include(text, 'Comment ces chiffres sont calculés')
    // Officials get per-company totals, never the way to the declarations.
    assert.notInclude(response.text(), '/declarations')
    assert.notInclude(text, 'Déclaration du')
  })

  test('a future or malformed date shows today rather than failing', async ({ client, assert }) => {
    const official = await createUser('official')
    for (const on of ['2999-01-01', 'demain', '2017-02-30']) {
      const response = await client.get('/dashboard').qs({ on }).loginAs(official)
      assertPage(response, "Tableau de bord de l'emploi et de l'occupation")
      assert.notInclude(visibleText(response.text()), '2999')
    }
  })
})

test.group('Dashboard: what each role sees', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  /** A company hosted since 2017 with a contact person, a rent and a commented declaration. */
  async function privateDetails() {
    await Goal.create({
      name: 'Objectif test',
      startsOn: day('2016-11-01'),
      endsOn: day('2019-10-31'),
      targetJobs: 80,
      measure: 'jobs_hosted',
      madeCurrentAt: day('2016-11-01'),
    })
    const [id] = await seedCompanies(1, 'Discrète')
    await Company.query()
      .where('id', id)
      .update({ contact_name: 'Jeanne Secrète', email: 'jeanne@secret.test', phone: '0600000000' })
    return id
  }

  test('officials never see contact persons, rents or declarations comments', async ({
    client,
    assert,
  }) => {
    await privateDetails()
    const official = await createUser('official')
    const pages = await Promise.all(
      ['/dashboard', '/dashboard/print', '/dashboard/series.csv', '/dashboard/companies.csv'].map(
        (url) => client.get(url).qs({ on: '2018-01-15' }).loginAs(official)
      )
    )
    for (const page of pages) {
      page.assertStatus(200)
      for (const secret of [
        'Jeanne Secrète',
        'jeanne@secret.test',
        '0600000000',
        'confidentiel',
        '€',
      ]) {
        assert.notInclude(page.text(), secret)
      }
    }
    // The per-company totals are there.
    assert.include(visibleText(pages[0].text()), 'Discrète 0000')
  })

  test('managers trace each figure to the company and its declaration', async ({
    client,
    assert,
  }) => {
    const id = await privateDetails()
    const manager = await createUser('manager')
    const response = await client.get('/dashboard').qs({ on: '2018-01-15' }).loginAs(manager)
    response.assertStatus(200)
    assert.include(response.text(), `/companies/${id}/declarations`)
    assert.include(visibleText(response.text()), 'Déclaration du 31 décembre 2017')
  })

  test('tenants do not reach the dashboard', async ({ client }) => {
    const tenant = await createUser('tenant')
    const response = await client.get('/dashboard').loginAs(tenant)
    response.assertStatus(403)
  })
})

test.group('Dashboard: exports', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the monthly series as CSV, parsed back', async ({ client, assert }) => {
    await Goal.create({
      name: 'Objectif',
      startsOn: day('2017-01-01'),
      endsOn: day('2018-12-31'),
      targetJobs: 20,
      measure: 'jobs_hosted',
      madeCurrentAt: day('2017-01-01'),
    })
    await seedCompanies(3, 'Export')
    const manager = await createUser('manager')
    const response = await client
      .get('/dashboard/series.csv')
      .qs({ on: '2018-01-15' })
      .loginAs(manager)
    response.assertStatus(200)
    response.assertHeader('content-type', 'text/csv; charset=utf-8')
    assert.match(
      response.header('content-disposition') ?? '',
      /tableau-de-bord-serie-2018-01-15\.csv/
    )
    const all = csvRows(response.text())
    // What the file holds and as of when, before the table.
    assert.deepEqual(all[0], ["Tableau de bord de l'emploi et de l'occupation — Série mensuelle"])
    assert.deepEqual(all[1], ['Situation au 15 janvier 2018'])
    const rows = csvTable(response.text())
    assert.deepEqual(rows[0], [
      'Mois',
      'Emplois hébergés',
      'Emplois nets créés',
      'Trajectoire vers la cible',
      'Occupation (cellules)',
      'Occupation (m²)',
    ])
    // 24 months of the goal, one row each.
    assert.lengthOf(rows, 25)
    const december = rows.find((row) => row[0] === '2017-12')!
    // Three companies hosted on 2017-12-31, each declaring 2 + 2 = 4 jobs; 4 created each... minus 1 at entry.
    assert.equal(december[1], '12')
    assert.equal(december[2], '9')
    // Three cells of 20 m² held out of the three in the building: 100 %.
    assert.equal(december[4], '100')
    // Months after the as-of day are left blank; the target line goes on.
    const june = rows.find((row) => row[0] === '2018-06')!
    assert.equal(june[1], '')
    assert.notEqual(june[3], '')
  })

  test('the per-company table as CSV: officials get totals, managers the sources too', async ({
    client,
    assert,
  }) => {
    await seedCompanies(2, 'Export')
    const official = await createUser('official')
    const officialCsv = await client
      .get('/dashboard/companies.csv')
      .qs({ on: '2018-01-15' })
      .loginAs(official)
    const forOfficial = csvTable(officialCsv.text())
    assert.deepEqual(forOfficial[0], [
      'Entreprise',
      'Secteur',
      'Numérique',
      'Situation',
      'Emplois',
      'Emplois nets créés',
    ])
    assert.deepEqual(forOfficial.slice(1), [
      ['Export 0000', 'Industries créatives', 'non', 'Hébergée', '4', '3'],
      ['Export 0001', 'Édition de logiciels', 'oui', 'Hébergée', '4', '3'],
    ])

    const manager = await createUser('manager')
    const managerCsv = await client
      .get('/dashboard/companies.csv')
      .qs({ on: '2018-01-15' })
      .loginAs(manager)
    const forManager = csvTable(managerCsv.text())
    assert.include(forManager[0], 'Source')
    assert.include(forManager[1], 'Déclaration du 2017-12-31')
  })

  test('both tables as XLSX, parsed back: numbers stay numbers', async ({ client, assert }) => {
    await seedCompanies(2, 'Export')
    const official = await createUser('official')
    const response = await client.get('/dashboard.xlsx').qs({ on: '2018-01-15' }).loginAs(official)
    response.assertStatus(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.body() as unknown as ArrayBuffer)
    assert.deepEqual(
      workbook.worksheets.map((sheet) => sheet.name),
      ['Série mensuelle', 'Entreprises']
    )
    const companies = workbook.getWorksheet('Entreprises')!
    // A title and the as-of day, a blank row, then the table.
    assert.equal(
      companies.getRow(1).getCell(1).value,
      "Tableau de bord de l'emploi et de l'occupation — Entreprises"
    )
    assert.equal(companies.getRow(2).getCell(1).value, 'Situation au 15 janvier 2018')
    assert.equal(companies.getRow(4).getCell(1).value, 'Entreprise')
    assert.equal(companies.getRow(5).getCell(1).value, 'Export 0000')
    assert.strictEqual(companies.getRow(5).getCell(5).value, 4)
    assert.equal(companies.rowCount, 6)

    // Months are dates shown as months, in columns wide enough for their titles.
    const series = workbook.getWorksheet('Série mensuelle')!
    assert.equal(series.getRow(4).getCell(1).value, 'Mois')
    const first = series.getRow(5).getCell(1)
    assert.instanceOf(first.value, Date)
    // No goal: the 36 months up to 15 January 2018.
    assert.equal((first.value as Date).toISOString(), '2015-02-01T00:00:00.000Z')
    assert.equal(first.numFmt, 'mmmm yyyy')
    series.getRow(4).eachCell((cell, index) => {
      assert.isAtLeast(series.getColumn(index).width!, String(cell.value).length)
    })
  })
})

test.group('Dashboard: a goal that has ended, or not yet', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  /** A goal over 2017, its target in jobs hosted, and three companies (12 jobs from December 2017). */
  async function goalOf2017(targetJobs: number, endsOn = '2017-12-31') {
    await Goal.create({
      name: 'Objectif 2017',
      startsOn: day('2017-01-01'),
      endsOn: day(endsOn),
      targetJobs,
      measure: 'jobs_hosted',
      madeCurrentAt: day('2017-01-01'),
    })
    await seedCompanies(3, 'Fin')
    return createUser('official')
  }

  test('an ended goal reached says so, with the month it was reached; the series goes on to the day', async ({
    client,
    assert,
  }) => {
    const official = await goalOf2017(6)
    const page = await client.get('/dashboard').qs({ on: '2018-03-15' }).loginAs(official)
    const text = visibleText(page.text())
    assert.include(
      text,
      "Cet objectif a pris fin le 31 décembre 2017. Il a été atteint en septembre 2017 : 12 emplois à l'échéance, pour 6 visés."
    )
    assert.include(text, 'Les chiffres ci-dessous sont ceux du 15 mars 2018.')
    assert.include(text, 'Terminé, cible atteinte')
    assert.include(page.text(), 'data-goal-outcome="reached"')

    const csv = await client.get('/dashboard/series.csv').qs({ on: '2018-03-15' }).loginAs(official)
    const series = csvTable(csv.text())
    // January 2017 to March 2018: the months after the goal's end are measured too.
    assert.deepEqual(series.at(-1)!.slice(0, 2), ['2018-03', '12'])
    assert.lengthOf(series, 1 + 15)
  })

  test('an ended goal missed says so, with its figure at the end', async ({ client, assert }) => {
    const official = await goalOf2017(20)
    const page = await client.get('/dashboard').qs({ on: '2018-03-15' }).loginAs(official)
    const text = visibleText(page.text())
    assert.include(
      text,
      "Cet objectif a pris fin le 31 décembre 2017 sans être atteint : 12 emplois à l'échéance, pour 20 visés."
    )
    assert.include(text, 'Terminé, cible non atteinte')
    assert.notInclude(text, 'atteint en')
  })

  test('an ended goal reached after its end says when', async ({ client, assert }) => {
    const official = await goalOf2017(10, '2017-10-31')
    const page = await client.get('/dashboard').qs({ on: '2018-03-15' }).loginAs(official)
    const text = visibleText(page.text())
    assert.include(text, 'Cet objectif a pris fin le 31 octobre 2017 sans être atteint : 9 emplois')
    assert.include(text, 'La cible a été atteinte plus tard, en décembre 2017.')
  })

  test('a running goal reached says when; one not reached says nothing of an end', async ({
    client,
    assert,
  }) => {
    const official = await goalOf2017(10, '2018-12-31')
    const after = await client.get('/dashboard').qs({ on: '2018-01-15' }).loginAs(official)
    const reached = visibleText(after.text())
    assert.include(reached, 'Objectif atteint en décembre 2017.')
    assert.notInclude(reached, 'a pris fin')
    const earlier = await client.get('/dashboard').qs({ on: '2017-10-15' }).loginAs(official)
    const before = visibleText(earlier.text())
    assert.notInclude(before, 'Objectif atteint')
    assert.notInclude(before, 'a pris fin')
  })
})

test.group('Dashboard: bounded queries', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the same number of SQL queries for 10 and for 500 companies', async ({
    client,
    assert,
  }) => {
    await Goal.create({
      name: 'Objectif',
      startsOn: day('2016-11-01'),
      endsOn: day('2019-10-31'),
      targetJobs: 80,
      measure: 'net_jobs_created',
      madeCurrentAt: day('2016-11-01'),
    })
    const official = await createUser('official')
    const load = () => client.get('/dashboard').qs({ on: '2019-06-30' }).loginAs(official)

    await seedCompanies(10, 'Petit')
    await load()
    const few = await countQueries(async () => {
      const response = await load()
      response.assertStatus(200)
    })
    await seedCompanies(490, 'Grand')
    const many = await countQueries(async () => {
      const response = await load()
      response.assertStatus(200)
    })
    assert.equal(many, few)
    assert.isBelow(few, 15)
  }).timeout(60000)
})
