import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ICAL from 'ical.js'
import type User from '#models/user'
import Booking from '#models/booking'
import { createUser } from '#tests/support/fixtures'
import { bookDirectly, createRoom, hostedTenant, nextMonday } from '#tests/support/bookings'
import { recordedMails } from '#mails/transports/recording_transport'

/** The events of an iCal text, as calendar apps read them. */
function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent)
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      utc: event.startDate.zone?.tzid === 'UTC',
      status: vevent.getFirstPropertyValue('status'),
      sequence: event.sequence,
    }
  })
}

/** The feed address path of a user, created through the account page. */
async function feedPath(client: any, user: User) {
  await client.get('/account/calendar/edit').loginAs(user)
  await user.refresh()
  return `/calendar/${user.calendarToken}/bookings.ics`
}

test.group('Bookings: calendar feeds', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test("a tenant's feed: its company's bookings, stable UIDs, UTC times, cancellations", async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const { company, tenant } = await hostedTenant()
    const { company: other } = await hostedTenant('Autre')
    const kept = await bookDirectly(room, company.id, nextMonday(), '10:00', '11:00', 'Point')
    const dropped = await bookDirectly(room, company.id, nextMonday(), '14:00', '15:00', 'Annulée')
    await bookDirectly(room, other.id, nextMonday(), '16:00', '17:00', 'Pas la mienne')
    dropped.status = 'cancelled'
    dropped.sequence = 1
    await dropped.save()

    // No login: the secret address is enough.
    const response = await client.get(await feedPath(client, tenant))
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/calendar/)
    const list = events(response.text())
    assert.deepEqual(
      list.map((event) => [event.uid, event.summary, event.status]),
      [
        [`booking-${kept.id}@pepiniere.nouvelle-forge`, `Point — ${room.name}`, 'CONFIRMED'],
        [`booking-${dropped.id}@pepiniere.nouvelle-forge`, `Annulée — ${room.name}`, 'CANCELLED'],
      ]
    )
    assert.equal(list[0].start, kept.startsAt.toJSDate().toISOString())
    assert.equal(list[0].end, kept.endsAt.toJSDate().toISOString())
    assert.isTrue(list[0].utc)
    assert.equal(list[1].sequence, 1)

    // The same UID on the next read: calendars update the event rather than adding one.
    const second = await client.get(await feedPath(client, tenant))
    const again = events(second.text())
    assert.equal(again[0].uid, list[0].uid)
  })

  test('a manager gets a feed per room; a tenant does not', async ({ client, assert }) => {
    const [first, second] = [await createRoom(), await createRoom()]
    const { company, tenant } = await hostedTenant('Réunie')
    await bookDirectly(first, company.id, nextMonday(), '10:00', '11:00', 'Ici')
    await bookDirectly(second, company.id, nextMonday(), '10:00', '11:00', 'Ailleurs')
    const manager = await createUser('manager')
    await feedPath(client, manager)

    const feed = await client.get(
      `/calendar/${manager.calendarToken}/rooms/${first.id}/bookings.ics`
    )
    feed.assertStatus(200)
    assert.deepEqual(
      events(feed.text()).map((event) => event.summary),
      [`${company.name} — Ici`]
    )

    await feedPath(client, tenant)
    const refused = await client.get(
      `/calendar/${tenant.calendarToken}/rooms/${first.id}/bookings.ics`
    )
    refused.assertStatus(404)

    // Each page says whose bookings its feed holds.
    const managerPage = await client.get('/account/calendar/edit').loginAs(manager)
    managerPage.assertStatus(200)
    assert.include(managerPage.text(), 'Toutes les réservations')
    assert.notInclude(managerPage.text(), 'Les réservations de votre entreprise')
    const tenantPage = await client.get('/account/calendar/edit').loginAs(tenant)
    tenantPage.assertStatus(200)
    assert.include(tenantPage.text(), 'Les réservations de votre entreprise')
    assert.notInclude(tenantPage.text(), 'Toutes les réservations')
  })

  test('a new address revokes the former one', async ({ client, assert }) => {
    const { tenant } = await hostedTenant()
    const former = await feedPath(client, tenant)
    const before = await client.get(former)
    before.assertStatus(200)
    const response = await client
      .put('/account/calendar')
      .loginAs(tenant)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/account/calendar/edit')
    const revoked = await client.get(former)
    revoked.assertStatus(404)
    await tenant.refresh()
    assert.notInclude(former, tenant.calendarToken!)
    const renewed = await client.get(`/calendar/${tenant.calendarToken}/bookings.ics`)
    renewed.assertStatus(200)
  })
})

test.group('Bookings: emails', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => recordedMails.clear())

  test('the booker gets a confirmation with the event attached', async ({ client, assert }) => {
    const room = await createRoom()
    const { tenant } = await hostedTenant()
    await client
      .post('/bookings')
      .loginAs(tenant)
      .form({
        meetingRoomId: String(room.id),
        date: nextMonday(),
        startTime: '10:00',
        endTime: '11:00',
        title: 'Point client',
        attendees: '4',
      })
      .withCsrfToken()
    const booking = await Booking.firstOrFail()
    const [message] = recordedMails.to(tenant.email)
    assert.exists(message)
    assert.match(message.subject, new RegExp(`^Réservation confirmée\u00a0: ${room.name}, `))
    assert.include(message.text, 'de 10:00 à 11:00 (heure de Paris)')
    assert.include(message.text, 'Objet : Point client')
    const [attachment] = message.attachments
    assert.equal(attachment.filename, 'reservation.ics')
    const text = attachment.content.toString('utf8')
    assert.include(text, 'METHOD:REQUEST')
    const [event] = events(text)
    assert.equal(event.uid, `booking-${booking.id}@pepiniere.nouvelle-forge`)
    assert.equal(event.start, booking.startsAt.toJSDate().toISOString())
  })

  test('a change and a cancellation are notified; a manager cancelling tells the company', async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const { company, tenant } = await hostedTenant()
    const colleague = await createUser('tenant', { companyId: company.id })
    const booking = await bookDirectly(room, company.id, nextMonday(), '10:00', '11:00', 'Revue')

    await client
      .put(`/bookings/${booking.id}`)
      .loginAs(tenant)
      .form({
        date: nextMonday(),
        startTime: '11:00',
        endTime: '12:00',
        title: 'Revue',
        attendees: '3',
      })
      .withCsrfToken()
    const [changed] = recordedMails.to(tenant.email)
    assert.match(changed.subject, /^Réservation modifiée/)
    assert.include(changed.text, 'de 11:00 à 12:00')

    recordedMails.clear()
    const manager = await createUser('manager')
    await client
      .post(`/bookings/${booking.id}/cancellation`)
      .loginAs(manager)
      .form({ reason: 'Salle en travaux' })
      .withCsrfToken()
    assert.lengthOf(recordedMails.messages, 1)
    const [notice] = recordedMails.messages
    assert.sameMembers(notice.to, [tenant.email, colleague.email])
    assert.match(notice.subject, /^Réservation annulée par la pépinière/)
    assert.include(notice.text, 'Motif : Salle en travaux')
    assert.include(notice.attachments[0].content.toString('utf8'), 'METHOD:CANCEL')
  })
})
