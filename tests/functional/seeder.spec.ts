import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import testUtils from '@adonisjs/core/services/test_utils'
import MainSeeder, { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#database/seeders/main_seeder'
import Building from '#models/building'
import Cell from '#models/cell'
import MeetingRoom from '#models/meeting_room'
import User from '#models/user'
import Agreement from '#models/agreement'
import { maxStayEndsOn } from '#domain/stay_limit'
import { day, overlaps } from '#domain/periods'
import Company from '#models/company'
import { jobsHosted } from '#domain/jobs'
import Operator from '#models/operator'
import Service from '#models/service'
import Mandate from '#models/mandate'
import { isValidSiret } from '#domain/siret'
import {
  isValidCreditorId,
  isValidFrenchVatNumber,
  normalizedIban,
  sirenOfVatNumber,
} from '#domain/billing_identifiers'

test.group('Demo data: the Nouvelle Forge', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  // The whole story goes to the database: more than a unit test's usual budget on MySQL.
  group.each.timeout(30_000)

  test('seeds the building, 18 cells, 3 meeting rooms and one demo account per role', async ({
    assert,
  }) => {
    await new MainSeeder(db.connection()).run()

    const building = await Building.findByOrFail('name', 'Nouvelle Forge')
    assert.equal(building.areaSqm, 800)
    const cells = await Cell.all()
    assert.lengthOf(cells, 18)
    const cellsArea = cells.reduce((sum, cell) => sum + cell.areaSqm, 0)
    assert.isBelow(cellsArea, 800, 'cells leave room for meeting rooms, common areas and services')
    assert.isAbove(cellsArea, 300)
    assert.lengthOf(await MeetingRoom.all(), 3)

    for (const account of DEMO_ACCOUNTS) {
      const user = await User.findByOrFail('email', account.email)
      assert.equal(user.role, account.role)
      assert.isTrue(await hash.verify(user.password, DEMO_PASSWORD))
      assert.equal(user.companyId !== null, account.role === 'tenant')
    }
  })

  test('the story: on 2017-07-05, 11 companies hosted, 9 of them digital', async ({ assert }) => {
    await new MainSeeder(db.connection()).run()
    const hosted = await db
      .from('agreements')
      .join('companies', 'companies.id', 'agreements.company_id')
      .where('agreements.starts_on', '<=', '2017-07-05')
      .whereRaw('coalesce(agreements.terminated_on, agreements.ends_on) >= ?', ['2017-07-05'])
      .whereNot('agreements.status', 'draft')
      .select('companies.id', 'companies.digital')
      .distinct()
    assert.lengthOf(hosted, 11)
    assert.equal(hosted.filter((row) => Boolean(row.digital)).length, 9)

    const tenant = await User.query().where('role', 'tenant').preload('company').firstOrFail()
    assert.equal(tenant.company.status, 'hosted')
    const alumni = await db.from('companies').where('status', 'alumni').count('* as total')
    assert.isAbove(Number(alumni[0].total), 10)
    // A candidate's draft in progress, for the edit form's page walks.
    const drafts = await db
      .from('agreements')
      .join('companies', 'companies.id', 'agreements.company_id')
      .where('agreements.status', 'draft')
      .where('companies.status', 'candidate')
    assert.lengthOf(drafts, 1)
  })

  test('the declarations: 25 jobs across the 11 companies hosted on 2017-07-05', async ({
    assert,
  }) => {
    await new MainSeeder(db.connection()).run()
    const companies = await Company.query().whereNotNull('entered_on').preload('declarations')
    const records = companies.map((company) => ({
      id: company.id,
      enteredOn: company.enteredOn,
      exitOn: company.exitOn,
      declarations: company.declarations.map((declaration) => ({
        periodOn: declaration.periodOn,
        kind: declaration.kind,
        validated: declaration.isValidated,
        jobs: declaration.jobs,
      })),
    }))
    const onJuly5 = jobsHosted(records, day('2017-07-05'))
    assert.lengthOf(onJuly5.companies, 11)
    assert.equal(onJuly5.jobs, 25)
    assert.deepEqual(onJuly5.missing, [])
    // Growth afterwards: more jobs hosted at the end of the goal period than at its start.
    assert.isAbove(jobsHosted(records, day('2019-11-01')).jobs, 25)
  })

  test('every agreement of the story obeys the rules', async ({ assert }) => {
    await new MainSeeder(db.connection()).run()
    const agreements = await Agreement.query().preload('cells').preload('company')
    for (const agreement of agreements) {
      // A draft counts the stay from its start, as the company's entry would be.
      const limit = maxStayEndsOn(agreement.companyEnteredOn, 48)
      assert.isAtMost(agreement.effectiveEndsOn.toMillis(), limit.toMillis(), `${agreement.id}`)
      for (const other of agreements) {
        if (other.id === agreement.id) continue
        const shared = other.cells.some((cell) =>
          agreement.cells.some((mine) => mine.id === cell.id)
        )
        assert.isFalse(
          shared && overlaps(agreement.period, other.period),
          `${agreement.id}/${other.id}`
        )
      }
    }
  })

  test('seeding twice duplicates nothing', async ({ assert }) => {
    const count = async (table: string) => {
      const row = await db.from(table).count('* as total').first()
      return Number(row.total)
    }
    const tables = [
      'buildings',
      'cells',
      'meeting_rooms',
      'users',
      'companies',
      'agreements',
      'declarations',
      'invoices',
      'invoice_lines',
    ]
    await new MainSeeder(db.connection()).run()
    const first = await Promise.all(tables.map(count))
    await new MainSeeder(db.connection()).run()
    assert.deepEqual(await Promise.all(tables.map(count)), first)
    assert.deepEqual(first.slice(0, 4), [1, 18, 3, 3])
  })
})

test.group('Demo data: billing', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.timeout(30_000)

  test('the operator is complete, its identifiers valid; a catalogue of services; seeding twice adds nothing', async ({
    assert,
  }) => {
    await new MainSeeder(db.connection()).run()
    await new MainSeeder(db.connection()).run()
    const operator = await Operator.current()
    assert.isTrue(operator.isComplete)
    assert.isTrue(isValidSiret(operator.siret!))
    assert.isTrue(isValidFrenchVatNumber(operator.vatNumber!))
    assert.equal(sirenOfVatNumber(operator.vatNumber!), operator.siren)
    assert.equal(normalizedIban(operator.iban!), operator.iban)
    assert.isTrue(isValidCreditorId(operator.creditorId!))
    assert.lengthOf(await Operator.all(), 1)
    const services = await Service.all()
    assert.isAtLeast(services.length, 5)
    assert.isTrue(
      services.some((service) => service.vatCategory === 'O' && service.vatExemptionReason)
    )
    const tenant = await User.findByOrFail('email', 'locataire@nouvelle-forge.test')
    const mandates = await Mandate.query().where('company_id', tenant.companyId!).orderBy('id')
    assert.deepEqual(
      mandates.map((mandate) => mandate.isActive),
      [false, true]
    )
  })
})
