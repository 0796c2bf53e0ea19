import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import Agreement from '#models/agreement'
import Booking from '#models/booking'
import Closure from '#models/closure'
import { createCompany, createUser } from '#tests/support/fixtures'
import { createCell, openAgreement } from '#tests/support/agreements'
import { createRoom, hostedTenant, nextMonday } from '#tests/support/bookings'
import { visibleText } from '#tests/support/html'
import { assertPage } from '#tests/support/pages'
import { day } from '#domain/periods'

/**
 * Irreversible actions (signing an agreement, cancelling a booking, lifting a closure) ask a
 * second thought on a page of their own, which works without JavaScript: it tells what will
 * happen, changes nothing, and its form posts to the action.
 */
test.group('Confirmations: a page before an irreversible action', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('signing: the page sums up the agreement; its form signs it', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const company = await createCompany('Atelier Signature')
    const cell = await createCell({ areaSqm: 20, code: 'S-101' })
    const agreement = await openAgreement({
      companyId: company.id,
      cellIds: [cell.id],
      startsOn: day('2027-01-01'),
      endsOn: day('2028-06-30'),
      rentSteps: [1000, 1150, 1300],
      monthlyChargesCents: 5000,
      depositCents: 40000,
    })

    const show = await client.get(`/agreements/${agreement.id}`).loginAs(manager)
    assert.include(show.text(), `href="/agreements/${agreement.id}/activation/create"`)
    assert.notInclude(show.text(), `action="/agreements/${agreement.id}/activation"`)

    const page = await client.get(`/agreements/${agreement.id}/activation/create`).loginAs(manager)
    assertPage(page, 'Signer la convention')
    const text = visibleText(page.text())
    assert.include(text, 'du 1er janvier 2027 au 30 juin 2028')
    assert.include(text, 'S-101 (20 m²)')
    assert.include(
      text,
      `${company.name} devient une entreprise hébergée à partir du 1er janvier 2027`
    )
    // 20 m² at 10 € a month, 50 € of charges, 400 € deposit.
    assert.include(text, 'Loyer mensuel au début : 200,00 €, plus 50,00 € de charges')
    assert.include(text, 'dépôt de garantie : 400,00 €')
    assert.include(page.text(), `action="/agreements/${agreement.id}/activation"`)
    assert.include(text, 'Confirmer la signature')
    assert.include(page.text(), `href="/agreements/${agreement.id}"`)
    await agreement.refresh()
    assert.equal(agreement.status, 'draft', 'the page changes nothing')

    const signed = await client
      .post(`/agreements/${agreement.id}/activation`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    signed.assertHeader('location', `/agreements/${agreement.id}`)
    await agreement.refresh()
    assert.equal(agreement.status, 'active')

    // Signed, it offers no second signature.
    const again = await client.get(`/agreements/${agreement.id}/activation/create`).loginAs(manager)
    again.assertStatus(403)
  })

  test('cancelling a booking: the page shows it; its form cancels it', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const room = await createRoom({ name: 'Salle Escaut' })
    const { company } = await hostedTenant()
    const booking = await Booking.create({
      meetingRoomId: room.id,
      companyId: company.id,
      title: 'Comité de pilotage',
      attendees: 6,
      startsAt: DateTime.fromISO(`${nextMonday()}T10:00`, { zone: 'Europe/Paris' }).toUTC(),
      endsAt: DateTime.fromISO(`${nextMonday()}T11:30`, { zone: 'Europe/Paris' }).toUTC(),
      status: 'confirmed',
    })

    const list = await client.get('/bookings').loginAs(manager)
    assert.include(list.text(), `href="/bookings/${booking.id}/cancellation/create"`)
    assert.notInclude(list.text(), `action="/bookings/${booking.id}/cancellation"`)

    const page = await client.get(`/bookings/${booking.id}/cancellation/create`).loginAs(manager)
    assertPage(page, 'Annuler la réservation « Comité de pilotage »')
    const text = visibleText(page.text())
    assert.include(text, 'Salle Escaut')
    assert.include(text, 'de 10:00 à 11:30')
    assert.include(text, company.name)
    assert.include(text, "Confirmer l'annulation")
    assert.include(page.text(), `action="/bookings/${booking.id}/cancellation"`)
    await booking.refresh()
    assert.equal(booking.status, 'confirmed', 'the page changes nothing')

    const cancelled = await client
      .post(`/bookings/${booking.id}/cancellation`)
      .loginAs(manager)
      .form({ scope: 'one', reason: 'Salle indisponible' })
      .withCsrfToken()
      .redirects(0)
    cancelled.assertHeader('location', '/bookings')
    await booking.refresh()
    assert.equal(booking.status, 'cancelled')

    // Cancelled, it cannot be cancelled again.
    const again = await client.get(`/bookings/${booking.id}/cancellation/create`).loginAs(manager)
    again.assertStatus(403)
  })

  test("a tenant's confirmation: only for its own company's bookings", async ({ client }) => {
    const room = await createRoom()
    const own = await hostedTenant()
    const other = await hostedTenant()
    const booking = await Booking.create({
      meetingRoomId: room.id,
      companyId: other.company.id,
      title: 'Réunion',
      attendees: 2,
      startsAt: DateTime.fromISO(`${nextMonday()}T10:00`, { zone: 'Europe/Paris' }).toUTC(),
      endsAt: DateTime.fromISO(`${nextMonday()}T11:00`, { zone: 'Europe/Paris' }).toUTC(),
      status: 'confirmed',
    })
    const refused = await client
      .get(`/bookings/${booking.id}/cancellation/create`)
      .loginAs(own.tenant)
    refused.assertStatus(403)
    const allowed = await client
      .get(`/bookings/${booking.id}/cancellation/create`)
      .loginAs(other.tenant)
    assertPage(allowed, 'Annuler la réservation')
  })

  test('lifting a closure: the page says it is final; its form lifts it', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const room = await createRoom({ name: 'Salle Rhonelle' })
    const closure = await Closure.create({
      buildingId: room.buildingId,
      meetingRoomId: room.id,
      startsAt: DateTime.utc().plus({ days: 30 }).startOf('hour'),
      endsAt: DateTime.utc().plus({ days: 31 }).startOf('hour'),
      reason: 'Travaux de peinture',
    })

    const show = await client.get(`/closures/${closure.id}`).loginAs(manager)
    assert.include(show.text(), `href="/closures/${closure.id}/lifting/create"`)
    assert.notInclude(show.text(), `action="/closures/${closure.id}/lifting"`)

    const page = await client.get(`/closures/${closure.id}/lifting/create`).loginAs(manager)
    assertPage(page, 'Lever la fermeture')
    const text = visibleText(page.text())
    assert.include(text, 'Salle Rhonelle')
    assert.include(text, 'Travaux de peinture')
    assert.include(text, 'ne peut pas être rétablie')
    assert.include(page.text(), `action="/closures/${closure.id}/lifting"`)
    await closure.refresh()
    assert.isTrue(closure.isActive, 'the page changes nothing')

    const lifted = await client
      .post(`/closures/${closure.id}/lifting`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    lifted.assertHeader('location', '/closures')
    await closure.refresh()
    assert.isFalse(closure.isActive)
  })

  test('terminating: the form states the consequences before the button', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    const cell = await createCell()
    const agreement = await openAgreement({ companyId: company.id, cellIds: [cell.id] })
    await Agreement.query().where('id', agreement.id).update({ status: 'active' })
    const page = await client.get(`/agreements/${agreement.id}/termination/create`).loginAs(manager)
    assertPage(page, 'Résilier la convention')
    const text = visibleText(page.text())
    assert.include(text, 'ses cellules sont libres dès le lendemain')
    assert.include(text, 'La résiliation est définitive')
  })
})
