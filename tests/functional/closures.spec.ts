import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Booking from '#models/booking'
import Closure from '#models/closure'
import Building from '#models/building'
import AuditEvent from '#models/audit_event'
import { createUser } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { assertPage } from '#tests/support/pages'
import {
  bookDirectly,
  createRoom,
  hostedTenant,
  nextMonday,
  postBooking,
} from '#tests/support/bookings'
import { recordedMails } from '#mails/transports/recording_transport'

/** Another building of the network than the one of createRoom(). */
function secondBuilding() {
  return Building.create({ name: 'Forge Sud', address: 'Valenciennes', areaSqm: 500 })
}

test.group('Closures', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => recordedMails.clear())

  /** A whole-building closure on next Monday, from 00:00 to 23:45, created through the form. */
  async function closeBuilding(
    client: any,
    manager: any,
    buildingId: number,
    reason = 'Inventaire annuel'
  ) {
    return client
      .post('/closures')
      .loginAs(manager)
      .form({
        buildingId: String(buildingId),
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
    const response = await closeBuilding(client, manager, room.buildingId)
    const closure = await Closure.firstOrFail()
    response.assertHeader('location', `/closures/${closure.id}`)
    assert.isNull(closure.meetingRoomId)
    assert.equal(closure.buildingId, room.buildingId)
    assert.exists(await AuditEvent.findBy('action', 'closure.created'))

    const { tenant } = await hostedTenant()
    const refused = await postBooking(client, tenant, {
      meetingRoomId: String(room.id),
      date: nextMonday(),
      startTime: '10:00',
      endTime: '11:00',
      title: 'Réunion',
      attendees: '2',
    })
    refused.assertFlashMessage('inputErrorsBag', {
      date: ['La salle est fermée pendant cette période : Inventaire annuel.'],
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
        buildingId: String(room.buildingId),
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
    assertPage(page, 'Fermeture')
    const text = visibleText(page.text())
    assert.include(text, 'Atelier')
    assert.include(text, company.name)
    assert.notInclude(text, elsewhere.name)

    const response = await client
      .post(`/closures/${closure.id}/booking-cancellations`)
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
    assert.include(notice.text, 'Motif : Peinture')
  })

  test('a lifted closure lets bookings in again and stays in the history', async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const manager = await createUser('manager')
    await closeBuilding(client, manager, room.buildingId)
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

  test('a closure of a building closes its rooms only, not those of the other buildings', async ({
    client,
    assert,
  }) => {
    const closed = await createRoom()
    const south = await secondBuilding()
    const elsewhere = await createRoom({ buildingId: south.id })
    const { company } = await hostedTenant('Voisine')
    const caught = await bookDirectly(closed, company.id, nextMonday(), '10:00', '11:00', 'Prise')
    const spared = await bookDirectly(
      elsewhere,
      company.id,
      nextMonday(),
      '10:00',
      '11:00',
      'Libre'
    )
    const manager = await createUser('manager')
    await closeBuilding(client, manager, closed.buildingId, 'Désinfection')
    const closure = await Closure.query().preload('building').firstOrFail()

    const page = await client.get(`/closures/${closure.id}`).loginAs(manager)
    assertPage(page, `Fermeture : Tout le bâtiment ${closure.building.name}`)
    const text = visibleText(page.text())
    assert.include(text, 'Prise')
    assert.notInclude(text, 'Libre')

    const { tenant } = await hostedTenant()
    const book = (roomId: number) =>
      postBooking(client, tenant, {
        meetingRoomId: String(roomId),
        date: nextMonday(),
        startTime: '14:00',
        endTime: '15:00',
        title: 'Réunion',
        attendees: '2',
      })
    const refused = await book(closed.id)
    refused.assertFlashMessage('inputErrorsBag', {
      date: ['La salle est fermée pendant cette période : Désinfection.'],
    })
    const accepted = await book(elsewhere.id)
    accepted.assertHeader('location', `/meeting-rooms/${elsewhere.id}?week=${nextMonday()}`)

    const week = await client
      .get(`/meeting-rooms/${elsewhere.id}`)
      .qs({ week: nextMonday() })
      .loginAs(tenant)
    assertPage(week, elsewhere.name)
    assert.notInclude(visibleText(week.text()), 'Désinfection')
    const day = await client.get('/meeting-rooms').qs({ date: nextMonday() }).loginAs(tenant)
    const dayText = visibleText(day.text())
    assert.include(dayText, 'Fermé : Désinfection')

    await client
      .post(`/closures/${closure.id}/booking-cancellations`)
      .loginAs(manager)
      .withCsrfToken()
    await caught.refresh()
    await spared.refresh()
    assert.equal(caught.status, 'cancelled')
    assert.equal(spared.status, 'confirmed')
  })

  test('a room of another building than the one chosen: the form comes back', async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const south = await secondBuilding()
    const other = await createRoom({ buildingId: south.id })
    const manager = await createUser('manager')
    const response = await client
      .post('/closures')
      .loginAs(manager)
      .header('referer', '/closures/create')
      .form({
        buildingId: String(other.buildingId),
        meetingRoomId: String(room.id),
        startsOn: nextMonday(),
        startTime: '08:00',
        endsOn: nextMonday(),
        endTime: '12:00',
        reason: 'Travaux',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      meetingRoomId: ["Cette salle n'est pas dans le bâtiment choisi."],
    })
    assert.lengthOf(await Closure.all(), 0)
  })

  test('an end before the start or no reason: the form comes back, nothing saved', async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const manager = await createUser('manager')
    const later = DateTime.fromISO(nextMonday()).plus({ days: 1 }).toISODate()!
    const backwards = await client
      .post('/closures')
      .loginAs(manager)
      .header('referer', '/closures/create')
      .form({
        buildingId: String(room.buildingId),
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
        buildingId: String(room.buildingId),
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
