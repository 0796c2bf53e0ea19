import { test } from '@japa/runner'
import { DateTime, IANAZone } from 'luxon'
import { LOCAL_ZONE, LOCAL_ZONE_NAME, QuarterHourZone } from '#domain/local_zone'

test.group('Local zone (offsets remembered by quarter hour)', () => {
  test('gives the offsets of the tz database, minute by minute, across both clock changes', ({
    assert,
  }) => {
    const zone = new QuarterHourZone(LOCAL_ZONE_NAME)
    const reference = new IANAZone(LOCAL_ZONE_NAME)
    const spans = [
      // 2026-03-29: 02:00 → 03:00 (01:00 UTC); 2026-10-25: 03:00 → 02:00 (01:00 UTC).
      [Date.UTC(2026, 2, 28, 22), Date.UTC(2026, 2, 29, 4)],
      [Date.UTC(2026, 9, 24, 22), Date.UTC(2026, 9, 25, 4)],
    ]
    let changes = 0
    for (const [from, to] of spans) {
      let previous: number | null = null
      // Every 37 seconds, twice over: the second pass reads what the first remembered.
      for (const pass of [1, 2]) {
        for (let ts = from; ts < to; ts += 37_000) {
          const offset = zone.offset(ts)
          assert.equal(offset, reference.offset(ts), `${new Date(ts).toISOString()} (${pass})`)
          if (pass === 1 && previous !== null && offset !== previous) changes++
          previous = pass === 1 ? offset : previous
        }
      }
      assert.equal(zone.offset(to - 1), reference.offset(to - 1))
    }
    assert.equal(changes, 2)
    // The last instant of summer time and the first of winter time, to the millisecond.
    const change = Date.UTC(2026, 9, 25, 1)
    assert.equal(zone.offset(change - 1), 120)
    assert.equal(zone.offset(change), 60)
  })

  test('is the zone of Paris for Luxon: same wall times, same name, equal to it', ({ assert }) => {
    const instant = DateTime.fromISO('2026-07-14T10:00:00Z')
    const local = instant.setZone(LOCAL_ZONE)
    assert.equal(local.toFormat('yyyy-MM-dd HH:mm ZZ'), '2026-07-14 12:00 +02:00')
    assert.equal(local.zoneName, 'Europe/Paris')
    assert.isTrue(LOCAL_ZONE.equals(IANAZone.create('Europe/Paris')))
    assert.equal(
      DateTime.fromISO('2026-12-01T09:30', { zone: LOCAL_ZONE }).toUTC().toISO(),
      '2026-12-01T08:30:00.000Z'
    )
    assert.isTrue(local.equals(instant.setZone('Europe/Paris')))
  })

  test("Luxon still goes through the zone's offset(ts), the one method overridden", ({
    assert,
  }) => {
    const offset = Object.getOwnPropertyDescriptor(IANAZone.prototype, 'offset')?.value
    assert.isFunction(offset, 'IANAZone#offset is gone: QuarterHourZone overrides nothing')
    assert.equal(offset.length, 1, 'IANAZone#offset(ts) takes other arguments now')
    const zone = new QuarterHourZone(LOCAL_ZONE_NAME)
    let asked = 0
    const remembered = zone.offset.bind(zone)
    zone.offset = (ts: number) => {
      asked++
      return remembered(ts)
    }
    const local = DateTime.fromISO('2026-12-01T09:30', { zone })
    DateTime.fromMillis(Date.UTC(2026, 6, 14, 10))
      .setZone(zone)
      .toFormat('HH:mm')
    assert.isAbove(asked, 0, 'Luxon no longer asks the zone for offsets: the memo is never used')
    assert.equal(local.zone, zone)
    assert.equal(zone.type, 'iana')
    assert.isTrue(zone.isValid)
  })
})
