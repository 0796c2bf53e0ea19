import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { parse } from 'csv-parse/sync'
import { createUser } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { bookDirectly, createRoom, hostedTenant } from '#tests/support/bookings'
import { toLocal } from '#domain/local_time'

test.group('Meeting room use report', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('hours per room and company, occupancy of opening hours, and the CSV', async ({
    client,
    assert,
  }) => {
    const month = toLocal(DateTime.utc()).startOf('month').plus({ months: 1 })
    const weekdays = Array.from({ length: month.daysInMonth! }, (_, index) =>
      month.plus({ days: index })
    ).filter((day) => day.weekday <= 5)
    const [first, second] = weekdays.map((day) => day.toISODate()!)
    const large = await createRoom({ name: 'Grande' })
    const small = await createRoom({ name: 'Petite' })
    const { company: alpha } = await hostedTenant('Alpha')
    const { company: beta } = await hostedTenant('Beta')
    await bookDirectly(large, alpha.id, first, '09:00', '11:00')
    await bookDirectly(large, beta.id, second, '14:00', '15:30')
    await bookDirectly(small, alpha.id, second, '10:00', '10:30')
    const cancelled = await bookDirectly(small, beta.id, first, '10:00', '12:00')
    cancelled.status = 'cancelled'
    await cancelled.save()

    const manager = await createUser('manager')
    const monthValue = month.toFormat('yyyy-MM')
    const page = await client.get('/room-use').qs({ month: monthValue }).loginAs(manager)
    page.assertStatus(200)
    const open = weekdays.length * 11
    const text = visibleText(page.text())
    assert.include(text, `Grande 3,5 h ${open} h`)
    assert.include(text, `Petite 0,5 h ${open} h`)

    const csv = await client.get('/room-use.csv').qs({ month: monthValue }).loginAs(manager)
    csv.assertHeader('content-type', 'text/csv; charset=utf-8')
    const rows: string[][] = parse(csv.text().replace(/^\uFEFF/, ''), { delimiter: ';' })
    assert.deepEqual(rows[0], ['Entreprise', 'Grande', 'Petite', 'Total'])
    assert.deepEqual(rows.slice(1, 3), [
      [alpha.name, '2', '0,5', '2,5'],
      [beta.name, '1,5', '0', '1,5'],
    ])
    assert.deepEqual(rows[3], ['Total', '3,5', '0,5', '4'])
    const occupancy = (3.5 / open) * 100
    assert.equal(rows[4][1], `${(Math.round(occupancy * 10) / 10).toString().replace('.', ',')} %`)
  })

  test('tenants and officials do not see it', async ({ client }) => {
    const { tenant } = await hostedTenant()
    const official = await createUser('official')
    const forTenant = await client.get('/room-use').loginAs(tenant)
    forTenant.assertStatus(403)
    const forOfficial = await client.get('/room-use.csv').loginAs(official)
    forOfficial.assertStatus(403)
  })
})
