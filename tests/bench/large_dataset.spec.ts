import { test } from '@japa/runner'
import { largeDataset } from '#tests/bench/dataset/large_dataset'
import { BENCH_BOOKERS, BENCH_ACCOUNTS, BENCH_CALENDAR_TOKEN } from '#tests/bench/dataset/accounts'
import { day } from '#domain/periods'

/** A twentieth of the benchmark's dataset: 50 companies, one building, one room. */
const TODAY = day('2026-11-30')
const SCALE = 0.05

test.group("The benchmark's large dataset", () => {
  test('the same seed, scale and day give the same rows', ({ assert }) => {
    const first = largeDataset(SCALE, TODAY)
    const second = largeDataset(SCALE, TODAY)
    assert.deepEqual(first, second)
    assert.notDeepEqual(largeDataset(SCALE, TODAY, 7).companies, first.companies)
  })

  test('its size follows the scale: 1,000 companies and 15 buildings of 18 cells per unit', ({
    assert,
  }) => {
    const data = largeDataset(SCALE, TODAY)
    assert.lengthOf(data.companies, 50)
    assert.lengthOf(data.buildings, 1)
    assert.lengthOf(data.cells, 18)
    assert.lengthOf(data.meeting_rooms, 1)
    const first = data.companies.map((company) => String(company.entered_on)).sort()[0]
    assert.isTrue(first <= '2016-12-31', `first entry on ${first}`)
  })

  test('no cell carries two agreements whose periods overlap', ({ assert }) => {
    const data = largeDataset(SCALE, TODAY)
    const periods = new Map(
      data.agreements.map((agreement) => [
        agreement.id,
        [String(agreement.starts_on), String(agreement.terminated_on ?? agreement.ends_on)],
      ])
    )
    const byCell = new Map<unknown, string[][]>()
    for (const link of data.agreement_cells) {
      byCell.set(link.cell_id, [
        ...(byCell.get(link.cell_id) ?? []),
        periods.get(link.agreement_id)!,
      ])
    }
    for (const list of byCell.values()) {
      list.sort((a, b) => a[0].localeCompare(b[0]))
      for (let index = 1; index < list.length; index++) {
        assert.isTrue(
          list[index][0] > list[index - 1][1],
          `${list[index]} after ${list[index - 1]}`
        )
      }
    }
  })

  test('companies that left are alumni with an exit day; the others are hosted', ({ assert }) => {
    const data = largeDataset(SCALE, TODAY)
    for (const company of data.companies) {
      if (company.status === 'alumni') {
        assert.isTrue(String(company.exit_on) < '2026-11-30')
        assert.isNotNull(company.exit_reason)
      } else {
        assert.equal(company.status, 'hosted')
        assert.isNull(company.exit_on)
      }
    }
    const keys = data.declarations.map((row) => `${row.company_id} ${row.kind} ${row.period_on}`)
    assert.equal(new Set(keys).size, keys.length)
  })

  test('no room slot is booked twice; cancelled bookings hold no slot', ({ assert }) => {
    const data = largeDataset(SCALE, TODAY)
    const slots = data.booked_slots.map((slot) => `${slot.meeting_room_id} ${slot.starts_at}`)
    assert.equal(new Set(slots).size, slots.length)
    const cancelled = new Set(
      data.bookings.filter((booking) => booking.status === 'cancelled').map((booking) => booking.id)
    )
    assert.isAbove(cancelled.size, 0)
    assert.isFalse(data.booked_slots.some((slot) => cancelled.has(slot.booking_id)))
    // Ten years of weekdays, opening hours 08:00 to 19:00 Paris time (UTC in the rows).
    assert.isAbove(data.bookings.length, 2500 * 3)
    for (const booking of data.bookings) {
      const hour = Number(String(booking.starts_at).slice(11, 13))
      assert.isAtLeast(hour, 6)
      assert.isAtMost(hour, 18)
    }
  })

  test('one account per role, the tenant and the calendar feed in companies hosted today', ({
    assert,
  }) => {
    const data = largeDataset(SCALE, TODAY)
    const tenant = data.users.find((user) => user.email === BENCH_ACCOUNTS.tenant)!
    const subscriber = data.users.find((user) => user.calendar_token === BENCH_CALENDAR_TOKEN)!
    assert.notEqual(subscriber.company_id, tenant.company_id)
    for (const account of [tenant, subscriber]) {
      const company = data.companies.find((row) => row.id === account.company_id)!
      assert.equal(company.status, 'hosted')
      assert.isTrue(String(company.entered_on) <= '2026-11-30')
    }
    // The bookers: tenants of hosted companies with no quota, never the subscriber's.
    const bookers = BENCH_BOOKERS.map((email) => data.users.find((user) => user.email === email)!)
    for (const booker of bookers) {
      assert.equal(booker.role, 'tenant')
      assert.notEqual(booker.company_id, subscriber.company_id)
      const company = data.companies.find((row) => row.id === booker.company_id)!
      assert.equal(company.status, 'hosted')
      assert.equal(company.booking_quota_minutes, 1_000_000)
    }
    assert.isAbove(new Set(bookers.map((booker) => booker.company_id)).size, 1)
    assert.deepEqual(
      data.users.slice(0, 3).map((user) => user.role),
      ['manager', 'official', 'tenant']
    )
  })
})
