import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Booking from '#models/booking'
import Closure from '#models/closure'
import AuditEvent from '#models/audit_event'
import { createUser } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { bookDirectly, createRoom, hostedTenant, nextMonday } from '#tests/support/bookings'
import { recordedMails } from '#mails/transports/recording_transport'

test.group('Closures', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => recordedMails.clear())

  /** A whole-building closure on next Monday, from 00:00 to 23:45, created through the form. */
  async function closeBuilding(client: any, manager: any, reason = 'Inventaire annuel') {
    return client
      .post('/closures')
      .loginAs(manager)
      .form({
        meetingRoomId: '',
        startsOn: nextMonday(),
        startTime: '00:00',
        endsOn: nextMonday(),
        endTime: '23:45',
        reason,
      })
      .withCsrfToken()
      .redirects(0)
  }

  test('a closure of the building refuses bookings and shows in the calendars', async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const manager = await createUser('manager')
    const response = await closeBuilding(client, manager)
    const closure = await Closure.firstOrFail()
    response.assertHeader('location', `/closures/${closure.id}`)
    assert.isNull(closure.meetingRoomId)
    assert.exists(await AuditEvent.findBy('action', 'closure.created'))

    const { tenant } = await hostedTenant()
    const refused = await client
      .post('/bookings')
      .loginAs(tenant)
      .header('referer', '/bookings/create')
      .form({
        meetingRoomId: String(room.id),
        date: nextMonday(),
        startTime: '10:00',
        endTime: '11:00',
        title: 'Réunion',
        attendees: '2',
      })
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('inputErrorsBag', {
      date: ['La salle est fermée pendant cette période : Inventaire annuel.'],
    })
    assert.lengthOf(await Booking.all(), 0)

    const week = await client
      .get(`/meeting-rooms/${room.id}`)
      .qs({ week: nextMonday() })
      .loginAs(tenant)
    assert.include(visibleText(week.text()), 'Fermé : Inventaire annuel')
  })

  test('bookings caught by a new closure are listed; cancelling them tells each company', async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const { company, tenant } = await hostedTenant('Surprise')
    const booking = await bookDirectly(room, company.id, nextMonday(), '10:00', '11:00', 'Atelier')
    const other = await createRoom()
    const { company: elsewhere } = await hostedTenant('Ailleurs')
    const untouched = await bookDirectly(other, elsewhere.id, nextMonday(), '10:00', '11:00')
    const manager = await createUser('manager')

    await client
      .post('/closures')
      .loginAs(manager)
      .form({
        meetingRoomId: String(room.id),
        startsOn: nextMonday(),
        startTime: '08:00',
        endsOn: nextMonday(),
        endTime: '12:00',
        reason: 'Peinture',
      })
      .withCsrfToken()
    const closure = await Closure.firstOrFail()
    const page = await client.get(`/closures/${closure.id}`).loginAs(manager)
    const text = visibleText(page.text())
    assert.include(text, 'Atelier')
    assert.include(text, company.name)
    assert.notInclude(text, elsewhere.name)

    const response = await client
      .post(`/closures/${closure.id}/cancellations`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/closures/${closure.id}`)
    await booking.refresh()
    await untouched.refresh()
    assert.equal(booking.status, 'cancelled')
    assert.equal(booking.cancellationReason, 'Peinture')
    assert.equal(untouched.status, 'confirmed')
    const [notice] = recordedMails.to(tenant.email)
    assert.match(notice.subject, /^Réservation annulée par la pépinière/)
    assert.include(notice.text, 'Motif : Peinture')
  })

  test('a lifted closure lets bookings in again and stays in the history', async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const manager = await createUser('manager')
    await closeBuilding(client, manager)
    const closure = await Closure.firstOrFail()
    await client.post(`/closures/${closure.id}/lifting`).loginAs(manager).withCsrfToken()
    await closure.refresh()
    assert.isFalse(closure.isActive)
    const { company } = await hostedTenant()
    const booking = await bookDirectly(room, company.id, nextMonday(), '10:00', '11:00')
    assert.equal(booking.status, 'confirmed')
    const list = await client.get('/closures').loginAs(manager)
    assert.include(visibleText(list.text()), 'Levée')
  })

  test('an end before the start or no reason: the form comes back, nothing saved', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const later = DateTime.fromISO(nextMonday()).plus({ days: 1 }).toISODate()!
    const backwards = await client
      .post('/closures')
      .loginAs(manager)
      .header('referer', '/closures/create')
      .form({
        meetingRoomId: '',
        startsOn: later,
        startTime: '08:00',
        endsOn: nextMonday(),
        endTime: '12:00',
        reason: 'Travaux',
      })
      .withCsrfToken()
      .redirects(0)
    backwards.assertFlashMessage('inputErrorsBag', {
      endsOn: ['La fin doit être après le début.'],
    })
    const noReason = await client
      .post('/closures')
      .loginAs(manager)
      .header('referer', '/closures/create')
      .form({
        startsOn: nextMonday(),
        startTime: '08:00',
        endsOn: nextMonday(),
        endTime: '12:00',
      })
      .withCsrfToken()
      .redirects(0)
    noReason.assertFlashMessage('inputErrorsBag', { reason: ['Ce champ est obligatoire.'] })
    assert.lengthOf(await Closure.all(), 0)
  })
})
