import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Booking from '#models/booking'
import { createUser } from '#tests/support/fixtures'
import { createRoom, hostedTenant, nextMonday, postBooking } from '#tests/support/bookings'
import { truncateAfterEach } from '#tests/support/database'

/**
 * A room never carries two overlapping bookings, whatever the concurrency: these
 * requests run truly in parallel (no shared test transaction; on MySQL each takes its
 * own pooled connection) and the booked slots' unique key keeps exactly one.
 */
test.group('Bookings: no double booking under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach())

  test('20 parallel requests for one room and overlapping times: exactly one wins', async ({
    client,
    assert,
  }) => {
    const room = await createRoom({ capacity: 20 })
    const tenants = []
    for (let index = 0; index < 20; index++) {
      const { tenant } = await hostedTenant('Rivale')
      tenants.push(tenant)
    }
    const date = nextMonday()

    const responses = await Promise.all(
      tenants.map((tenant, index) =>
        postBooking(client, tenant, {
          meetingRoomId: String(room.id),
          date,
          // Every request overlaps 10:00–10:30 with all the others.
          startTime: index % 2 ? '09:30' : '10:00',
          endTime: index % 3 ? '10:30' : '11:00',
          title: `Réunion ${index}`,
          attendees: '2',
        })
      )
    )

    const won = responses.filter((response) =>
      (response.header('location') ?? '').startsWith(`/meeting-rooms/${room.id}`)
    )
    const lost = responses.filter((response) => response.header('location') === '/bookings/create')
    assert.lengthOf(won, 1)
    assert.lengthOf(lost, 19)
    for (const response of lost) {
      response.assertFlashMessage('inputErrorsBag', {
        startTime: [
          "Ce créneau vient d'être réservé par une autre entreprise : choisissez-en un autre.",
        ],
      })
    }
    const bookings = await Booking.query().where('meeting_room_id', room.id)
    assert.lengthOf(bookings, 1)
    const slots = await db.from('booked_slots').where('meeting_room_id', room.id)
    assert.lengthOf(slots, bookings[0].minutes / 15)
  }).timeout(60000)

  test('10 parallel bookings of one company with one hour left: exactly one fits its quota', async ({
    client,
    assert,
  }) => {
    const room = await createRoom({ capacity: 20 })
    const { company, tenant } = await hostedTenant('Pressée')
    company.bookingQuotaMinutes = 60
    await company.save()
    const date = nextMonday()

    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        postBooking(client, tenant, {
          meetingRoomId: String(room.id),
          date,
          // Ten different hours: no slot is disputed, only the company's quota.
          startTime: `${String(8 + index).padStart(2, '0')}:00`,
          endTime: `${String(9 + index).padStart(2, '0')}:00`,
          title: `Réunion ${index}`,
          attendees: '2',
        })
      )
    )

    const won = responses.filter((response) =>
      (response.header('location') ?? '').startsWith(`/meeting-rooms/${room.id}`)
    )
    assert.lengthOf(won, 1)
    const bookings = await Booking.query().where('company_id', company.id)
    assert.lengthOf(bookings, 1)
  }).timeout(60000)

  test('a cancelled slot is free for the next request at once', async ({ client, assert }) => {
    const room = await createRoom()
    const first = await hostedTenant('Première')
    const second = await hostedTenant('Seconde')
    const form = {
      meetingRoomId: String(room.id),
      date: nextMonday(),
      startTime: '10:00',
      endTime: '11:00',
      title: 'Réunion',
      attendees: '2',
    }
    await client.post('/bookings').loginAs(first.tenant).form(form).withCsrfToken()
    const booking = await Booking.firstOrFail()
    await client
      .post(`/bookings/${booking.id}/cancellation`)
      .loginAs(await createUser('manager'))
      .withCsrfToken()
    const response = await client
      .post('/bookings')
      .loginAs(second.tenant)
      .form(form)
      .withCsrfToken()
      .redirects(0)
    assert.match(response.header('location') ?? '', /^\/meeting-rooms\//)
    const confirmed = await Booking.query().where('status', 'confirmed')
    assert.deepEqual(
      confirmed.map((entry) => entry.companyId),
      [second.company.id]
    )
  })
})
