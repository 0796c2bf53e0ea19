import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { closureCloses, closureCovering } from '#domain/closures'

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' })

test.group('Closures', () => {
  const span = (from: string, to: string) => ({ startsAt: utc(from), endsAt: utc(to) })
  const closure = (buildingId: number, meetingRoomId: number | null, reason: string) => ({
    buildingId,
    meetingRoomId,
    reason,
    ...span('2027-03-01T08:00', '2027-03-01T12:00'),
  })
  const roomOfA = { id: 1, buildingId: 10 }
  const otherRoomOfA = { id: 2, buildingId: 10 }
  const roomOfB = { id: 3, buildingId: 20 }

  test("a building's closure closes each of its rooms and none of another building", ({
    assert,
  }) => {
    const building = closure(10, null, 'Inventaire')
    assert.isTrue(closureCloses(building, roomOfA))
    assert.isTrue(closureCloses(building, otherRoomOfA))
    assert.isFalse(closureCloses(building, roomOfB))
  })

  test("a room's closure closes that room only", ({ assert }) => {
    const room = closure(10, 1, 'Peinture')
    assert.isTrue(closureCloses(room, roomOfA))
    assert.isFalse(closureCloses(room, otherRoomOfA))
    assert.isFalse(closureCloses(room, roomOfB))
  })

  test('the closure covering a booking: of its room or building, overlapping it', ({ assert }) => {
    const closures = [closure(20, null, 'Ailleurs'), closure(10, 2, 'Autre salle')]
    const booking = span('2027-03-01T09:00', '2027-03-01T10:00')
    assert.isNull(closureCovering(closures, roomOfA, booking))
    assert.equal(closureCovering(closures, otherRoomOfA, booking)?.reason, 'Autre salle')
    assert.equal(closureCovering(closures, roomOfB, booking)?.reason, 'Ailleurs')
    assert.isNull(closureCovering(closures, roomOfB, span('2027-03-01T12:00', '2027-03-01T13:00')))
  })
})
