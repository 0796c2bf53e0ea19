import { test } from '@japa/runner'
import { rejection } from '#tests/support/models'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import Closure from '#models/closure'
import Booking from '#models/booking'
import { localTime } from '#domain/local_time'
import { createUser } from '#tests/support/fixtures'
import { createRoom, hostedTenant, nextMonday } from '#tests/support/bookings'

test.group('Closure', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('cancels the bookings inside on demand, and is lifted once', async ({ assert }) => {
    const manager = await createUser('manager')
    const room = await createRoom()
    const { company, tenant } = await hostedTenant()
    const date = nextMonday()
    const inside = await Booking.book(
      {
        meetingRoomId: room.id,
        companyId: company.id,
        title: 'Dedans',
        attendees: 2,
        startsAt: localTime(date, '10:00').instant!,
        endsAt: localTime(date, '11:00').instant!,
      },
      tenant,
      null
    )
    const closure = await Closure.close(
      {
        buildingId: room.buildingId,
        meetingRoomId: room.id,
        reason: 'Travaux',
        startsAt: localTime(date, '08:00').instant!,
        endsAt: localTime(date, '12:00').instant!,
      },
      manager
    )
    const cancelled = await closure.cancelBookingsInside(manager)
    assert.deepEqual(
      cancelled.map((booking) => booking.id),
      [inside.id]
    )
    await inside.refresh()
    assert.equal(inside.cancellationReason, 'Travaux')

    await closure.lift(manager)
    assert.isFalse(closure.isActive)
    assert.isTrue(closure.liftedAt! <= DateTime.utc())
    assert.equal(await rejection(() => closure.lift(manager)), 'closures.errors.already_lifted')
  })
})
