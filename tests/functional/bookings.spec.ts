import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Booking from '#models/booking'
import AuditEvent from '#models/audit_event'
import { createUser } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { assertPage } from '#tests/support/pages'
import { countQueries } from '#tests/support/queries'
import {
  bookDirectly,
  createRoom,
  hostedTenant,
  nextMonday,
  postBooking,
} from '#tests/support/bookings'
import { toLocal } from '#domain/local_time'

/** The slots a room holds, as Paris times. */
async function heldSlots(roomId: number) {
  const rows = await db.from('booked_slots').where('meeting_room_id', roomId).orderBy('starts_at')
  return rows.map((row) =>
    toLocal(
      row.starts_at instanceof Date
        ? DateTime.fromJSDate(row.starts_at)
        : DateTime.fromSQL(row.starts_at, { zone: 'utc' })
    ).toFormat('HH:mm')
  )
}

test.group('Bookings: tenants book the meeting rooms', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a tenant books a free slot: saved in UTC, its slots held, the change recorded', async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const { company, tenant } = await hostedTenant()
    const date = nextMonday()
    const response = await client
      .post('/bookings')
      .loginAs(tenant)
      .form({
        meetingRoomId: String(room.id),
        date,
        startTime: '10:00',
        endTime: '11:00',
        title: 'Point client',
        attendees: '4',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/meeting-rooms/${room.id}?week=${date}`)
    const booking = await Booking.findByOrFail('company_id', company.id)
    assert.equal(booking.localStart.toFormat('yyyy-MM-dd HH:mm'), `${date} 10:00`)
    assert.equal(booking.bookedById, tenant.id)
    assert.deepEqual(await heldSlots(room.id), ['10:00', '10:15', '10:30', '10:45'])
    assert.exists(await AuditEvent.findBy('action', 'booking.created'))

    const week = await client.get(`/meeting-rooms/${room.id}`).qs({ week: date }).loginAs(tenant)
    assert.include(visibleText(week.text()), 'Point client')
  })

  test('other companies see who holds the slot, never its title; they cannot touch it', async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const { company } = await hostedTenant('Discrète')
    const booking = await bookDirectly(room, company.id, nextMonday(), '10:00', '11:00', 'Secret')
    const { tenant: other } = await hostedTenant('Voisine')

    const week = await client
      .get(`/meeting-rooms/${room.id}`)
      .qs({ week: nextMonday() })
      .loginAs(other)
    assertPage(week, room.name)
    const text = visibleText(week.text())
    assert.include(text, company.name)
    assert.notInclude(text, 'Secret')

    const edit = await client.get(`/bookings/${booking.id}/edit`).loginAs(other)
    edit.assertStatus(403)
    const cancel = await client
      .post(`/bookings/${booking.id}/cancellation`)
      .loginAs(other)
      .withCsrfToken()
    cancel.assertStatus(403)
    const update = await client
      .put(`/bookings/${booking.id}`)
      .loginAs(other)
      .form({
        date: nextMonday(),
        startTime: '12:00',
        endTime: '13:00',
        title: 'Pris',
        attendees: '2',
      })
      .withCsrfToken()
    update.assertStatus(403)
    await booking.refresh()
    assert.equal(booking.status, 'confirmed')
    assert.equal(booking.title, 'Secret')

    const list = await client.get('/bookings').loginAs(other)
    assertPage(list, 'Mes réservations')
    assert.notInclude(visibleText(list.text()), 'Secret')
  })

  test('{label}: the form comes back with the input and a message, nothing saved')
    .with([
      {
        label: 'before opening',
        values: { startTime: '07:00', endTime: '08:00' },
        field: 'startTime',
        message: 'La salle est fermée à ces heures-là.',
      },
      {
        label: 'after closing',
        values: { startTime: '18:30', endTime: '19:30' },
        field: 'startTime',
        message: 'La salle est fermée à ces heures-là.',
      },
      {
        label: 'on a closed day',
        values: { day: 5 },
        field: 'startTime',
        message: 'La salle est fermée à ces heures-là.',
      },
      {
        label: 'off the grid',
        values: { startTime: '10:15', endTime: '11:15' },
        field: 'startTime',
        message: 'Les réservations commencent et finissent sur un créneau de 30 minutes.',
      },
      {
        label: 'too long',
        values: { startTime: '09:00', endTime: '14:00' },
        field: 'endTime',
        message: 'Une réservation dure au plus 240 minutes.',
      },
      {
        label: 'end before start',
        values: { startTime: '11:00', endTime: '10:00' },
        field: 'endTime',
        message: 'La fin doit être après le début.',
      },
      {
        label: 'too far ahead',
        values: { weeks: 12 },
        field: 'date',
        message: "On peut réserver au plus 60 jours à l'avance.",
      },
      {
        label: 'in the past',
        values: { weeks: -2 },
        field: 'date',
        message: 'Ce créneau est déjà passé.',
      },
      {
        label: 'more attendees than seats',
        values: { attendees: '9' },
        field: 'attendees',
        message: 'La salle compte 8 places.',
      },
      {
        label: 'a malformed date',
        values: { date: '07/12/2026' },
        field: 'date',
        message: 'Le format de ce champ est invalide.',
      },
      {
        label: 'a malformed time',
        values: { startTime: '10h' },
        field: 'startTime',
        message: 'Le format de ce champ est invalide.',
      },
      {
        label: 'a room that does not exist',
        values: { meetingRoomId: '999999' },
        field: 'meetingRoomId',
        message: "Cette valeur n'existe pas.",
      },
    ] as {
      label: string
      values: Record<string, string | number>
      field: string
      message: string
    }[])
    .run(async ({ client, assert }, row) => {
      const room = await createRoom()
      const { tenant } = await hostedTenant()
      const monday = DateTime.fromISO(nextMonday())
      const date = monday
        .plus({ weeks: Number(row.values.weeks ?? 0), days: Number(row.values.day ?? 0) })
        .toISODate()
      const form = {
        meetingRoomId: String(room.id),
        date,
        startTime: '10:00',
        endTime: '11:00',
        title: 'Réunion',
        attendees: '2',
        ...row.values,
      }
      const response = await client
        .post('/bookings')
        .loginAs(tenant)
        .header('referer', '/bookings/create')
        .form(form)
        .withCsrfToken()
        .redirects(0)
      response.assertHeader('location', '/bookings/create')
      response.assertFlashMessage('inputErrorsBag', { [row.field]: [row.message] })
      response.assertFlashMessage('title', 'Réunion')
      assert.lengthOf(await Booking.all(), 0)
    })

  test('a time that does not exist on the night clocks go forward is refused', async ({
    client,
    assert,
  }) => {
    const room = await createRoom({ advanceDays: 730 })
    const manager = await createUser('manager')
    const { company } = await hostedTenant()
    // The last Sunday of March after today: 02:00–03:00 Paris does not exist.
    let sunday = toLocal(DateTime.utc()).set({ month: 3, day: 31 }).startOf('day')
    while (sunday.weekday !== 7) sunday = sunday.minus({ days: 1 })
    if (sunday < DateTime.utc()) sunday = sunday.plus({ years: 1 }).set({ day: 31 })
    while (sunday.weekday !== 7) sunday = sunday.minus({ days: 1 })
    const response = await client
      .post('/bookings')
      .loginAs(manager)
      .header('referer', '/bookings/create')
      .form({
        meetingRoomId: String(room.id),
        companyId: String(company.id),
        date: sunday.toISODate(),
        startTime: '02:30',
        endTime: '03:30',
        title: 'Nuit',
        attendees: '1',
        overrideReason: 'Maintenance',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      startTime: [
        "Cette heure n'existe pas ce jour-là (passage à l'heure d'été) : choisissez-en une autre.",
      ],
    })
    assert.lengthOf(await Booking.all(), 0)
  })

  test('an overlapping booking is refused; back to back is fine', async ({ client, assert }) => {
    const room = await createRoom()
    const { company } = await hostedTenant('Première')
    await bookDirectly(room, company.id, nextMonday(), '10:00', '11:00')
    const { tenant } = await hostedTenant('Seconde')
    const post = (startTime: string, endTime: string) =>
      postBooking(client, tenant, {
        meetingRoomId: String(room.id),
        date: nextMonday(),
        startTime,
        endTime,
        title: 'Réunion',
        attendees: '2',
      })
    const clash = await post('10:30', '11:30')
    clash.assertFlashMessage('inputErrorsBag', {
      startTime: [
        'Ce créneau vient d’être réservé par une autre entreprise : choisissez-en un autre.'.replace(
          '’',
          "'"
        ),
      ],
    })
    const after = await post('11:00', '12:00')
    after.assertHeader('location', `/meeting-rooms/${room.id}?week=${nextMonday()}`)
    assert.lengthOf(await Booking.all(), 2)
  })

  test('the monthly quota is pooled across the company; managers may go beyond', async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const { company, tenant } = await hostedTenant()
    company.bookingQuotaMinutes = 120
    await company.save()
    const colleague = await createUser('tenant', { companyId: company.id })
    // Two weeks from now, always within one month? Use the first weekday of the month after next.
    const month = toLocal(DateTime.utc()).startOf('month').plus({ months: 1 })
    let date = month
    while (date.weekday > 5) date = date.plus({ days: 1 })
    const post = (user: typeof tenant, startTime: string, endTime: string, extra = {}) =>
      client
        .post('/bookings')
        .loginAs(user)
        .header('referer', '/bookings/create')
        .form({
          meetingRoomId: String(room.id),
          date: date.toISODate(),
          startTime,
          endTime,
          title: 'Réunion',
          attendees: '2',
          ...extra,
        })
        .withCsrfToken()
        .redirects(0)
    const first = await post(tenant, '09:00', '10:30')
    first.assertStatus(302)
    const over = await post(colleague, '11:00', '12:00')
    over.assertFlashMessage('inputErrorsBag', {
      endTime: [
        'Cela dépasse le forfait mensuel de 2 h de votre entreprise : il reste 0,5 h ce mois-là.',
      ],
    })
    assert.lengthOf(await Booking.all(), 1)

    const manager = await createUser('manager')
    const beyond = await post(manager, '11:00', '12:00', { companyId: String(company.id) })
    beyond.assertHeader('location', `/meeting-rooms/${room.id}?week=${date.toISODate()}`)
    assert.lengthOf(await Booking.all(), 2)

    const page = await client.get('/bookings').loginAs(tenant)
    assert.include(visibleText(page.text()), 'aucune heure restante sur 2 h')
  })

  test('the minutes booked in a month: confirmed ones of the company, that Paris month only', async ({
    assert,
  }) => {
    const room = await createRoom()
    const { company } = await hostedTenant()
    const { company: other } = await hostedTenant()
    const month = toLocal(DateTime.utc()).startOf('month').plus({ months: 1 })
    const day = (days: number) => month.plus({ days }).toISODate()!
    const long = await bookDirectly(room, company.id, day(2), '09:00', '10:30')
    await bookDirectly(room, company.id, day(3), '14:00', '14:45')
    // 00:30 Paris on the 1st is still the month before in UTC: counted in the Paris month.
    await bookDirectly(room, company.id, day(0), '00:30', '01:00')
    const cancelled = await bookDirectly(room, company.id, day(4), '09:00', '12:00')
    cancelled.status = 'cancelled'
    await cancelled.save()
    await bookDirectly(room, other.id, day(5), '09:00', '12:00')
    await bookDirectly(room, company.id, month.plus({ months: 1 }).toISODate()!, '09:00', '12:00')

    const inMonth = month.plus({ days: 10 })
    assert.equal(await company.minutesBookedInMonth(inMonth), 90 + 45 + 30)
    assert.equal(await company.minutesBookedInMonth(inMonth, undefined, long.id), 75)
    assert.equal(await other.minutesBookedInMonth(month.minus({ months: 1 })), 0)
  })

  test('a manager overrides the room rules only with a reason', async ({ client, assert }) => {
    const room = await createRoom()
    const manager = await createUser('manager')
    const { company } = await hostedTenant()
    const post = (extra: Record<string, string>) =>
      client
        .post('/bookings')
        .loginAs(manager)
        .header('referer', '/bookings/create')
        .form({
          meetingRoomId: String(room.id),
          companyId: String(company.id),
          date: nextMonday(),
          startTime: '19:00',
          endTime: '21:00',
          title: 'Soirée',
          attendees: '8',
          ...extra,
        })
        .withCsrfToken()
        .redirects(0)
    const refused = await post({})
    refused.assertFlashMessage('inputErrorsBag', {
      overrideReason: [
        'Cette réservation enfreint une règle de la salle : donnez le motif de la dérogation.',
      ],
    })
    const accepted = await post({ overrideReason: 'Soirée des entreprises' })
    accepted.assertStatus(302)
    const booking = await Booking.firstOrFail()
    assert.equal(booking.overrideReason, 'Soirée des entreprises')

    // Managers see every company's bookings: the list is not theirs.
    const list = await client.get('/bookings').loginAs(manager)
    assertPage(list, 'Réservations')
    assert.notInclude(visibleText(list.text()), 'Mes réservations')
    assert.include(visibleText(list.text()), 'Soirée')
  })

  test("a manager's override never books a room twice, whatever its minutes", async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const manager = await createUser('manager')
    const { company } = await hostedTenant('Occupante')
    const other = await hostedTenant('Dérogation')
    await bookDirectly(room, company.id, nextMonday(), '14:00', '15:00')
    const override = (startTime: string, endTime: string) =>
      postBooking(client, manager, {
        meetingRoomId: String(room.id),
        companyId: String(other.company.id),
        date: nextMonday(),
        startTime,
        endTime,
        title: 'Dérogation',
        attendees: '2',
        overrideReason: 'Demande du directeur',
      })
    for (const [startTime, endTime, field] of [
      ['14:05', '14:50', 'startTime'],
      ['13:50', '14:10', 'startTime'],
      ['14:45', '15:07', 'endTime'],
    ]) {
      const refused = await override(startTime, endTime)
      refused.assertFlashMessage('inputErrorsBag', {
        [field]: [
          "Choisissez une heure au quart d'heure (par exemple 14:00, 14:15, 14:30 ou 14:45).",
        ],
      })
    }
    // On the quarter hour but off the room's 30-minute grid: the override is allowed,
    // the slot it shares with 14:00–15:00 is not.
    const taken = await override('14:45', '15:15')
    assert.match(String(taken.flashMessage('error')), /Ce créneau/)
    const beside = await override('15:15', '15:45')
    beside.assertStatus(302)
    assert.notExists(beside.flashMessage('error'))
    const confirmed = await Booking.query().where('status', 'confirmed').orderBy('starts_at')
    assert.deepEqual(
      confirmed.map((booking) => booking.localStart.toFormat('HH:mm')),
      ['14:00', '15:15']
    )
  })

  test('slots written past the rules still refuse an overlap (the quarter hours touched)', async ({
    assert,
  }) => {
    const room = await createRoom()
    const { company } = await hostedTenant('Directe')
    await bookDirectly(room, company.id, nextMonday(), '14:05', '14:50')
    await assert.rejects(() => bookDirectly(room, company.id, nextMonday(), '14:00', '15:00'))
  })

  test('tenants of a company gone (by the booking day) or archived cannot book', async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const monday = nextMonday()
    const form = {
      meetingRoomId: String(room.id),
      date: monday,
      startTime: '10:00',
      endTime: '11:00',
      title: 'Réunion',
      attendees: '2',
    }
    const gone = await hostedTenant('Partie')
    gone.company.merge({ status: 'alumni', exitOn: DateTime.fromISO(monday).minus({ days: 3 }) })
    await gone.company.save()
    const archived = await hostedTenant('Archivée')
    archived.company.merge({ status: 'alumni', archivedAt: DateTime.utc() })
    await archived.company.save()
    for (const { tenant } of [gone, archived]) {
      const refused = await postBooking(client, tenant, form)
      refused.assertFlashMessage('inputErrorsBag', {
        date: [
          'Cette entreprise a quitté la pépinière ou est archivée à cette date\u00a0: elle ne réserve plus de salle.',
        ],
      })
    }
    // A company that announced its exit books until its last day.
    const leaving = await hostedTenant('Sortante')
    leaving.company.merge({ status: 'alumni', exitOn: DateTime.fromISO(monday).plus({ days: 1 }) })
    await leaving.company.save()
    const accepted = await postBooking(client, leaving.tenant, form)
    assert.notExists(accepted.flashMessage('error'))
    const confirmed = await Booking.query().where('status', 'confirmed')
    assert.deepEqual(
      confirmed.map((booking) => booking.companyId),
      [leaving.company.id]
    )
  })

  test('cancelling frees the slot at once; too close to the start a tenant cannot', async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const { company, tenant } = await hostedTenant()
    const booking = await bookDirectly(room, company.id, nextMonday(), '10:00', '11:00')
    const response = await client
      .post(`/bookings/${booking.id}/cancellation`)
      .loginAs(tenant)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/bookings')
    await booking.refresh()
    assert.equal(booking.status, 'cancelled')
    assert.equal(booking.cancelledById, tenant.id)
    assert.deepEqual(await heldSlots(room.id), [])
    const again = await bookDirectly(room, company.id, nextMonday(), '10:00', '11:00')
    assert.equal(again.status, 'confirmed')
    // Cancelling it a second time changes nothing and says so.
    const twice = await client
      .post(`/bookings/${booking.id}/cancellation`)
      .loginAs(tenant)
      .header('referer', '/bookings')
      .withCsrfToken()
      .redirects(0)
    twice.assertFlashMessage('error', 'Cette réservation est déjà annulée.')
    assert.lengthOf(await AuditEvent.query().where('action', 'booking.cancelled'), 1)

    // A booking starting within the cut-off (2 h).
    const soon = await Booking.create({
      meetingRoomId: room.id,
      companyId: company.id,
      title: 'Bientôt',
      attendees: 2,
      startsAt: DateTime.utc().plus({ hours: 1 }).startOf('minute'),
      endsAt: DateTime.utc().plus({ hours: 2 }).startOf('minute'),
      status: 'confirmed',
    })
    const late = await client
      .post(`/bookings/${soon.id}/cancellation`)
      .loginAs(tenant)
      .header('referer', '/bookings')
      .withCsrfToken()
      .redirects(0)
    late.assertFlashMessage(
      'error',
      'Une réservation ne peut plus être modifiée ni annulée moins de 2 h avant son début.'
    )
    await soon.refresh()
    assert.equal(soon.status, 'confirmed')
  })

  test('a tenant changes its booking; the slots move with it', async ({ client, assert }) => {
    const room = await createRoom()
    const { company, tenant } = await hostedTenant()
    const booking = await bookDirectly(room, company.id, nextMonday(), '10:00', '11:00')
    const response = await client
      .put(`/bookings/${booking.id}`)
      .loginAs(tenant)
      .form({
        date: nextMonday(),
        startTime: '14:00',
        endTime: '14:30',
        title: 'Déplacée',
        attendees: '3',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/bookings')
    await booking.refresh()
    assert.equal(booking.title, 'Déplacée')
    assert.deepEqual(await heldSlots(room.id), ['14:00', '14:15'])
    assert.exists(await AuditEvent.findBy('action', 'booking.updated'))
  })

  test('the week view answers in the same number of queries for 10 and 1,000 bookings', async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const { company, tenant } = await hostedTenant()
    const load = () =>
      client.get(`/meeting-rooms/${room.id}`).qs({ week: nextMonday() }).loginAs(tenant)
    const insert = async (count: number, offsetDays: number) => {
      const monday = DateTime.fromISO(nextMonday(), { zone: 'utc' })
      const rows = Array.from({ length: count }, (_, index) => {
        const start = monday.plus({
          days: offsetDays + Math.floor(index / 10),
          hours: 7 + (index % 10),
        })
        return {
          meeting_room_id: room.id,
          company_id: company.id,
          title: `Réunion ${index}`,
          attendees: 2,
          starts_at: start.toFormat('yyyy-MM-dd HH:mm:ss'),
          ends_at: start.plus({ minutes: 30 }).toFormat('yyyy-MM-dd HH:mm:ss'),
          status: 'confirmed',
          sequence: 0,
          created_at: start.toFormat('yyyy-MM-dd HH:mm:ss'),
        }
      })
      for (let index = 0; index < rows.length; index += 250) {
        await db.table('bookings').multiInsert(rows.slice(index, index + 250))
      }
    }
    await insert(10, 0)
    await load()
    const few = await countQueries(async () => {
      const response = await load()
      response.assertStatus(200)
    })
    await insert(990, -400)
    const many = await countQueries(async () => {
      const response = await load()
      response.assertStatus(200)
    })
    assert.equal(many, few)
  })
})
