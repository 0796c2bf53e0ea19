import { test } from '@japa/runner'
import { rejection, recorded } from '#tests/support/models'
import testUtils from '@adonisjs/core/services/test_utils'
import Booking from '#models/booking'
import BookingSeries from '#models/booking_series'
import AuditEvent from '#models/audit_event'
import OutgoingEmail from '#models/outgoing_email'
import { localTime } from '#domain/local_time'
import { createUser } from '#tests/support/fixtures'
import { createRoom, hostedTenant, nextMonday } from '#tests/support/bookings'

/** A span on the Monday of next week, Paris time. */
function span(start: string, end: string, date = nextMonday()) {
  return { startsAt: localTime(date, start).instant!, endsAt: localTime(date, end).instant! }
}

test.group('Booking', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a booking holds its quarter hours, is recorded and writes its notice', async ({
    assert,
  }) => {
    const room = await createRoom()
    const { company, tenant } = await hostedTenant()
    const booking = await Booking.book(
      {
        meetingRoomId: room.id,
        companyId: company.id,
        title: 'Point',
        attendees: 3,
        ...span('10:00', '11:00'),
      },
      tenant,
      null
    )
    assert.isTrue(booking.isConfirmed)
    assert.deepEqual(await recorded(booking), ['booking.created'])
    const emails = await OutgoingEmail.query().where('mail', 'booking_notification')
    assert.lengthOf(emails, 1)

    assert.equal(
      await rejection(() =>
        Booking.book(
          {
            meetingRoomId: room.id,
            companyId: company.id,
            title: 'Autre',
            attendees: 2,
            ...span('10:30', '11:30'),
          },
          tenant,
          null
        )
      ),
      'bookings.errors.taken_by_own_company'
    )
  })

  test("a slot taken says whose: the company's own booking, or another company's", async ({
    assert,
  }) => {
    const room = await createRoom()
    const { company, tenant } = await hostedTenant()
    const other = await hostedTenant('Voisine')
    const terms = (companyId: number, start: string, end: string) => ({
      meetingRoomId: room.id,
      companyId,
      title: 'Point',
      attendees: 2,
      ...span(start, end),
    })
    await Booking.book(terms(company.id, '10:00', '11:00'), tenant, null)
    assert.equal(
      await rejection(() => Booking.book(terms(company.id, '10:30', '11:30'), tenant, null)),
      'bookings.errors.taken_by_own_company'
    )
    assert.equal(
      await rejection(() =>
        Booking.book(terms(other.company.id, '10:30', '11:30'), other.tenant, null)
      ),
      'bookings.errors.taken'
    )
  })

  test('a change frees the former quarter hours and holds the new ones', async ({ assert }) => {
    const room = await createRoom()
    const { company, tenant } = await hostedTenant()
    const booking = await Booking.book(
      {
        meetingRoomId: room.id,
        companyId: company.id,
        title: 'Point',
        attendees: 3,
        ...span('10:00', '11:00'),
      },
      tenant,
      null
    )
    await booking.change({ title: 'Point', attendees: 3, ...span('14:00', '15:00') }, tenant, null)
    assert.equal(booking.localStart.toFormat('HH:mm'), '14:00')
    const again = await Booking.book(
      {
        meetingRoomId: room.id,
        companyId: company.id,
        title: 'Autre',
        attendees: 2,
        ...span('10:00', '11:00'),
      },
      tenant,
      null
    )
    assert.isTrue(again.isConfirmed)
    const [event] = await AuditEvent.historyOf(booking)
    assert.equal(event.action, 'booking.updated')
    assert.notEqual(event.beforeValues!.startsAt, event.afterValues!.startsAt)
  })

  test('cancelled once; the room is free at once', async ({ assert }) => {
    const room = await createRoom()
    const { company, tenant } = await hostedTenant()
    const booking = await Booking.book(
      {
        meetingRoomId: room.id,
        companyId: company.id,
        title: 'Point',
        attendees: 3,
        ...span('10:00', '11:00'),
      },
      tenant,
      null
    )
    const cancelled = await booking.cancelAsAsked(tenant, 'Plus besoin', 'one')
    assert.lengthOf(cancelled, 1)
    assert.isFalse(booking.isConfirmed)
    assert.equal(
      await rejection(() => booking.cancel(tenant, null)),
      'bookings.errors.already_cancelled'
    )
    assert.deepEqual(await recorded(booking), ['booking.created', 'booking.cancelled'])
    const replaced = await Booking.book(
      {
        meetingRoomId: room.id,
        companyId: company.id,
        title: 'Autre',
        attendees: 2,
        ...span('10:00', '11:00'),
      },
      tenant,
      null
    )
    assert.isTrue(replaced.isConfirmed)
  })

  test('the quota binds tenants, not managers', async ({ assert }) => {
    const room = await createRoom()
    const { company, tenant } = await hostedTenant()
    company.bookingQuotaMinutes = 60
    await company.save()
    const manager = await createUser('manager')
    await Booking.book(
      {
        meetingRoomId: room.id,
        companyId: company.id,
        title: 'Une heure',
        attendees: 2,
        ...span('09:00', '10:00'),
      },
      tenant,
      null
    )
    assert.equal(
      await rejection(() =>
        Booking.book(
          {
            meetingRoomId: room.id,
            companyId: company.id,
            title: 'De trop',
            attendees: 2,
            ...span('11:00', '11:30'),
          },
          tenant,
          null
        )
      ),
      'bookings.errors.over_quota'
    )
    const beyond = await Booking.book(
      {
        meetingRoomId: room.id,
        companyId: company.id,
        title: 'Par la gestion',
        attendees: 2,
        ...span('11:00', '11:30'),
      },
      manager,
      null
    )
    assert.isTrue(beyond.isConfirmed)
  })

  test('planning a series runs the same rules as booking it, and books nothing', async ({
    assert,
  }) => {
    const room = await createRoom()
    const { company, tenant } = await hostedTenant()
    company.bookingQuotaMinutes = 120
    await company.save()
    const request = {
      meetingRoomId: room.id,
      companyId: company.id,
      date: nextMonday(),
      startTime: '10:00',
      endTime: '11:00',
      title: 'Hebdo',
      attendees: 2,
      recurrence: { everyWeeks: 1, count: 3 },
    }
    // The first week's hour is taken; the quota (two hours a month) may refuse a later one.
    await Booking.book(
      {
        meetingRoomId: room.id,
        companyId: company.id,
        title: 'Déjà là',
        attendees: 2,
        ...span('10:30', '11:00'),
      },
      tenant,
      null
    )
    const planned = await BookingSeries.plan(request, tenant, null)
    assert.lengthOf(planned, 3)
    assert.equal(planned[0].problem?.key, 'bookings.errors.taken_by_own_company')
    assert.lengthOf(await Booking.query().where('title', 'Hebdo'), 0)
    assert.lengthOf(await BookingSeries.query().where('company_id', company.id), 0)

    const booked = await BookingSeries.book(request, tenant, null, true)
    assert.equal(
      booked.bookings.length + booked.skipped,
      3,
      'every occurrence either booked or skipped'
    )
    assert.deepEqual(
      planned.filter((entry) => !entry.problem).map((entry) => entry.date),
      booked.bookings.map((booking) => booking.localStart.toISODate())
    )
  })
})
