import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { insertLargeDataset, largeDataset } from '#tests/bench/dataset/large_dataset'
import { BENCH_ACCOUNTS, BENCH_CALENDAR_TOKEN } from '#tests/bench/dataset/accounts'
import User from '#models/user'
import { today } from '#domain/periods'

test.group("The benchmark's dataset in the database", (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.timeout(60000)

  test('is written in chunks and read by the app like its own data', async ({ client, assert }) => {
    const data = largeDataset(0.02, today())
    await insertLargeDataset(data, db.connection(), await hash.make('secret'))

    for (const table of ['companies', 'agreements', 'declarations', 'booked_slots']) {
      const [{ total }] = await db.from(table).count('* as total')
      assert.equal(Number(total), data[table as keyof typeof data].length, table)
    }

    const manager = await User.findByOrFail('email', BENCH_ACCOUNTS.manager)
    const official = await User.findByOrFail('email', BENCH_ACCOUNTS.official)
    for (const page of ['/', '/timeline', '/rent-roll', '/meeting-rooms/1']) {
      const response = await client.get(page).loginAs(manager)
      response.assertStatus(200)
    }
    const dashboard = await client.get('/dashboard').loginAs(official)
    dashboard.assertStatus(200)
    const feed = await client.get(`/calendar/${BENCH_CALENDAR_TOKEN}/bookings.ics`)
    feed.assertStatus(200)
    assert.include(feed.text(), 'BEGIN:VEVENT')
  })
})
