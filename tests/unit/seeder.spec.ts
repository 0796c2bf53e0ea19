import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import testUtils from '@adonisjs/core/services/test_utils'
import MainSeeder, { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#database/seeders/main_seeder'
import Building from '#models/building'
import Cell from '#models/cell'
import MeetingRoom from '#models/meeting_room'
import User from '#models/user'

test.group('Demo data: the Nouvelle Forge', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

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

  test('seeding twice duplicates nothing', async ({ assert }) => {
    await new MainSeeder(db.connection()).run()
    await new MainSeeder(db.connection()).run()
    const count = async (table: string) => {
      const row = await db.from(table).count('* as total').first()
      return Number(row.total)
    }
    assert.equal(await count('buildings'), 1)
    assert.equal(await count('cells'), 18)
    assert.equal(await count('meeting_rooms'), 3)
    assert.equal(await count('users'), 3)
    assert.equal(await count('companies'), 1)
  })
})
