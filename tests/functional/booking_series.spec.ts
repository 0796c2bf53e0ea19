import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Booking from '#models/booking'
import BookingSeries from '#models/booking_series'
import { recordedMails } from '#mails/transports/recording_transport'
import { createUser } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { bookDirectly, createRoom, hostedTenant } from '#tests/support/bookings'

test.group('Bookings: recurring series', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => recordedMails.clear())

  test('a weekly 10:00–11:00 stays at 10:00 Paris time across both clock changes', async ({
    client,
    assert,
  }) => {
    // Far enough ahead for 2027's changes (28 March and 31 October).
    const room = await createRoom({ advanceDays: 730 })
    const manager = await createUser('manager')
    const { company } = await hostedTenant()
    const response = await client
      .post('/bookings')
      .loginAs(manager)
      .form({
        meetingRoomId: String(room.id),
        companyId: String(company.id),
        date: '2027-03-22',
        startTime: '10:00',
        endTime: '11:00',
        title: 'Comité',
        attendees: '4',
        repeatEvery: '1',
        repeatCount: '52',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/bookings')
    const bookings = await Booking.query().orderBy('starts_at')
    assert.lengthOf(bookings, 52)
    for (const booking of bookings) {
      assert.equal(booking.localStart.toFormat('HH:mm'), '10:00')
      assert.equal(booking.localEnd.toFormat('HH:mm'), '11:00')
    }
    const utcStart = (date: string) =>
      bookings
        .find((booking) => booking.localStart.toISODate() === date)!
        .startsAt.toFormat('HH:mm')
    assert.equal(utcStart('2027-03-22'), '09:00')
    assert.equal(utcStart('2027-03-29'), '08:00')
    assert.equal(utcStart('2027-10-25'), '08:00')
    assert.equal(utcStart('2027-11-01'), '09:00')
    const series = await BookingSeries.firstOrFail()
    assert.isTrue(bookings.every((booking) => booking.seriesId === series.id))
  })

  test('conflicts are listed first; the user books the others or gives up', async ({
    client,
    assert,
  }) => {
    const room = await createRoom({ advanceDays: 730 })
    const { company: other } = await hostedTenant('Occupante')
    await bookDirectly(room, other.id, '2027-01-18', '10:30', '11:30', 'Déjà là')
    const { tenant } = await hostedTenant()
    const form = {
      meetingRoomId: String(room.id),
      date: '2027-01-04',
      startTime: '10:00',
      endTime: '11:00',
      title: 'Point hebdo',
      attendees: '3',
      repeatEvery: '1',
      repeatUntil: '2027-01-25',
    }
    const asked = await client.post('/bookings').loginAs(tenant).form(form).withCsrfToken()
    asked.assertStatus(200)
    const text = visibleText(asked.text())
    assert.include(text, '3 dates sont disponibles, 1 ne l')
    assert.include(text, '18 janvier 2027')
    assert.include(text, "Ce créneau vient d'être réservé par une autre entreprise")
    assert.lengthOf(await Booking.query().where('title', 'Point hebdo'), 0)

    const skipped = await client
      .post('/bookings')
      .loginAs(tenant)
      .form({ ...form, conflicts: 'skip' })
      .withCsrfToken()
      .redirects(0)
    skipped.assertHeader('location', '/bookings')
    const made = await Booking.query().where('title', 'Point hebdo').orderBy('starts_at')
    assert.deepEqual(
      made.map((booking) => booking.localStart.toISODate()),
      ['2027-01-04', '2027-01-11', '2027-01-25']
    )
    // One email for the series, every session in it and in its calendar attachment.
    const [message] = recordedMails.to(tenant.email)
    assert.match(message.subject, /^Réservations récurrentes confirmées/)
    assert.include(message.text, '3 séances')
    assert.include(message.text, 'lundi 25 janvier 2027')
    const ics = message.attachments[0].content.toString('utf8')
    for (const booking of made) {
      assert.include(ics, `UID:booking-${booking.id}@pepiniere.nouvelle-forge`)
    }
  })

  test('a series needs an end: a date or a number of sessions', async ({ client, assert }) => {
    const room = await createRoom({ advanceDays: 730 })
    const { tenant } = await hostedTenant()
    const response = await client
      .post('/bookings')
      .loginAs(tenant)
      .header('referer', '/bookings/create')
      .form({
        meetingRoomId: String(room.id),
        date: '2027-01-04',
        startTime: '10:00',
        endTime: '11:00',
        title: 'Sans fin',
        attendees: '3',
        repeatEvery: '1',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      repeatUntil: ['Donnez une date de fin ou un nombre de séances.'],
    })
    assert.lengthOf(await Booking.all(), 0)
  })

  test('cancel one occurrence, or this one and all later ones', async ({ client, assert }) => {
    const room = await createRoom({ advanceDays: 730 })
    const { tenant } = await hostedTenant()
    await client
      .post('/bookings')
      .loginAs(tenant)
      .form({
        meetingRoomId: String(room.id),
        date: '2027-01-04',
        startTime: '14:00',
        endTime: '15:00',
        title: 'Série',
        attendees: '2',
        repeatEvery: '1',
        repeatCount: '5',
      })
      .withCsrfToken()
    const [first, second, third] = await Booking.query().orderBy('starts_at')
    await client.post(`/bookings/${second.id}/cancellation`).loginAs(tenant).withCsrfToken()
    await client
      .post(`/bookings/${third.id}/cancellation`)
      .loginAs(tenant)
      .form({ scope: 'following' })
      .withCsrfToken()
    const states = await Booking.query().orderBy('starts_at')
    assert.deepEqual(
      states.map((booking) => booking.status),
      ['confirmed', 'cancelled', 'cancelled', 'cancelled', 'cancelled']
    )
    assert.equal(first.status, 'confirmed')
  })

  test('a last day that does not exist is refused, nothing booked, never a 500', async ({
    client,
    assert,
  }) => {
    const room = await createRoom({ advanceDays: 730 })
    const manager = await createUser('manager')
    const { company } = await hostedTenant()
    const response = await client
      .post('/bookings')
      .loginAs(manager)
      .header('referer', '/bookings/create')
      .form({
        meetingRoomId: String(room.id),
        companyId: String(company.id),
        date: '2027-01-04',
        startTime: '10:00',
        endTime: '11:00',
        title: 'Jusqu’au 30 février',
        attendees: '2',
        repeatEvery: '1',
        repeatUntil: '2027-02-30',
        conflicts: 'skip',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', { repeatUntil: ['Saisissez une date réelle.'] })
    assert.lengthOf(await Booking.all(), 0)
    assert.lengthOf(await BookingSeries.all(), 0)

    // Planned without the form: refused as well, rather than 52 sessions with no end.
    await assert.rejects(
      () =>
        BookingSeries.plan(
          {
            meetingRoomId: room.id,
            companyId: company.id,
            date: '2027-01-04',
            startTime: '10:00',
            endTime: '11:00',
            title: 'Jusqu’au 30 février',
            attendees: 2,
            recurrence: { everyWeeks: 1, until: '2027-02-30' },
          },
          manager,
          'Dérogation'
        ),
      'validator.shared.messages.calendarDate'
    )
  })
})
