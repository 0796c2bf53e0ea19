import { test } from '@japa/runner'
import { randomBytes } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import testUtils from '@adonisjs/core/services/test_utils'
import MeetingRoom from '#models/meeting_room'
import AuditEvent from '#models/audit_event'
import { createUser } from '#tests/support/fixtures'
import { createRoom, hostedTenant } from '#tests/support/bookings'
import { visibleText } from '#tests/support/html'
import { Settings } from 'luxon'

/** A 1×1 PNG. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
)

/** The rules form as a manager sends it, Saturday mornings open. */
function rulesForm(overrides: Record<string, string> = {}) {
  return {
    capacity: '10',
    equipment: 'Écran, visio',
    description: 'Au rez-de-chaussée',
    slotMinutes: '15',
    minMinutes: '30',
    maxMinutes: '180',
    advanceDays: '30',
    cancellationCutoffMinutes: '60',
    tenantsMayBook: 'true',
    opens1: '08:00',
    closes1: '18:00',
    opens6: '09:00',
    closes6: '12:00',
    ...overrides,
  }
}

test.group('Meeting rooms: rules and photo', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a manager sets the rules and a photo; the change is recorded', async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const manager = await createUser('manager')
    const request = client
      .put(`/meeting-rooms/${room.id}`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    for (const [name, value] of Object.entries(rulesForm())) request.field(name, value)
    const response = await request.file('photo', PIXEL, { filename: 'salle.png' })
    response.assertHeader('location', `/meeting-rooms/${room.id}`)

    await room.refresh()
    assert.equal(room.slotMinutes, 15)
    assert.equal(room.advanceDays, 30)
    assert.deepEqual(room.openingHours, {
      1: ['08:00', '18:00'],
      2: null,
      3: null,
      4: null,
      5: null,
      6: ['09:00', '12:00'],
      7: null,
    })
    assert.match(room.photoPath ?? '', new RegExp(`^${room.id}-.+\\.png$`))
    assert.exists(await AuditEvent.findBy('action', 'meeting_room.updated'))

    const { tenant } = await hostedTenant()
    const photo = await client.get(`/meeting-rooms/${room.id}/photo`).loginAs(tenant)
    photo.assertStatus(200)
    photo.assertHeader('content-type', 'image/png')
  })

  test('{label}: the form comes back with a message, nothing changed')
    .with([
      {
        label: 'closing before opening',
        values: { opens1: '18:00', closes1: '08:00' },
        field: 'closes1',
        message: "Donnez une ouverture et une fermeture, la fermeture après l'ouverture.",
      },
      {
        label: 'a maximum below the minimum',
        values: { minMinutes: '60', maxMinutes: '30' },
        field: 'maxMinutes',
        message: 'La durée maximale doit être au moins la durée minimale.',
      },
      {
        label: 'a minimum off the slot grid',
        values: { slotMinutes: '30', minMinutes: '45' },
        field: 'minMinutes',
        message: 'La durée minimale doit être un multiple du créneau (30 minutes).',
      },
      {
        label: 'a malformed time',
        values: { opens1: '8h' },
        field: 'opens1',
        message: 'Le format de ce champ est invalide.',
      },
    ] as { label: string; values: Record<string, string>; field: string; message: string }[])
    .run(async ({ client, assert }, row) => {
      const room = await createRoom()
      const manager = await createUser('manager')
      const response = await client
        .put(`/meeting-rooms/${room.id}`)
        .loginAs(manager)
        .header('referer', `/meeting-rooms/${room.id}/edit`)
        .form(rulesForm(row.values))
        .withCsrfToken()
        .redirects(0)
      response.assertFlashMessage('inputErrorsBag', { [row.field]: [row.message] })
      const unchanged = await MeetingRoom.findOrFail(room.id)
      assert.equal(unchanged.capacity, 8)
      assert.deepEqual(unchanged.openingHours[1], ['08:00', '19:00'])
    })

  test('a file that is not an image is refused', async ({ client, assert }) => {
    const room = await createRoom()
    const manager = await createUser('manager')
    const request = client
      .put(`/meeting-rooms/${room.id}`)
      .loginAs(manager)
      .header('referer', `/meeting-rooms/${room.id}/edit`)
      .withCsrfToken()
      .redirects(0)
    for (const [name, value] of Object.entries(rulesForm())) request.field(name, value)
    const response = await request.file('photo', Buffer.from('#!/bin/sh'), { filename: 'x.sh' })
    response.assertFlashMessage('inputErrorsBag', {
      photo: ['Choisissez une image JPEG, PNG ou WebP.'],
    })
    await room.refresh()
    assert.isNull(room.photoPath)
  })

  test('a refused photo leaves no file in the temporary directory', async ({ client, assert }) => {
    const room = await createRoom()
    const manager = await createUser('manager')
    // A PNG's signature, then content no other upload has, to find its temporary file.
    const content = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(64 * 1024),
    ])
    const request = client
      .put(`/meeting-rooms/${room.id}`)
      .loginAs(manager)
      .header('referer', `/meeting-rooms/${room.id}/edit`)
      .withCsrfToken()
      .redirects(0)
    for (const [name, value] of Object.entries(rulesForm({ capacity: '0' }))) {
      request.field(name, value)
    }
    const response = await request.file('photo', content, { filename: 'salle.png' })
    const errors = response.flashMessage('inputErrorsBag') as Record<string, string[]>
    assert.deepEqual(errors.capacity, ['Saisissez au moins 1.'])

    const left: string[] = []
    for (const name of await readdir(tmpdir())) {
      const path = join(tmpdir(), name)
      const file = await stat(path).catch(() => null)
      if (file?.isFile() && file.size === content.length) {
        const bytes = await readFile(path)
        if (bytes.equals(content)) left.push(path)
      }
    }
    assert.deepEqual(left, [])
  })
})

test.group('Meeting rooms: the day they open on', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => () => {
    Settings.now = () => Date.now()
  })

  test('once every room has closed, the calendars open on the next day a room opens', async ({
    client,
    assert,
  }) => {
    const { tenant } = await hostedTenant()
    const room = await createRoom()
    // Friday 4 December 2026, 20:30 in Paris: the rooms are closed until Monday.
    Settings.now = () => Date.parse('2026-12-04T19:30:00Z')
    const day = await client.get('/meeting-rooms').loginAs(tenant)
    day.assertStatus(200)
    assert.include(visibleText(day.text()), 'le 7 décembre 2026')
    const week = await client.get(`/meeting-rooms/${room.id}`).loginAs(tenant)
    assert.include(visibleText(week.text()), 'Semaine du 7 décembre 2026')

    // Friday at 10:00: today.
    Settings.now = () => Date.parse('2026-12-04T09:00:00Z')
    const open = await client.get('/meeting-rooms').loginAs(tenant)
    assert.include(visibleText(open.text()), 'le 4 décembre 2026')
  })
})
