import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import MainSeeder, { DEMO_PASSWORD } from '#database/seeders/main_seeder'
import Booking from '#models/booking'
import { seriousAccessibilityViolations } from '#tests/support/axe'
import { toLocal } from '#domain/local_time'
import { formatDate } from '#helpers/formatting'
import { truncateAfterEach } from '#tests/support/database'

test.group('Browser: the demo tenant books a meeting room', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(async () => {
    await new MainSeeder(db.connection()).run()
  })

  test('from the week view to "My bookings", then cancelled', async ({ visit, assert }) => {
    // Wednesday of next week at 16:00, free in the demo data.
    const wednesday = toLocal(DateTime.utc()).startOf('week').plus({ weeks: 1, days: 2 })
    const dateLabel = formatDate(wednesday, 'fr')

    const page = await visit('/login')
    await page.getByLabel('Adresse e-mail').fill('locataire@nouvelle-forge.test')
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForURL((url) => url.pathname === '/')

    await page.getByRole('link', { name: 'Salles', exact: true }).click()
    await page.getByRole('link', { name: 'Semaine de la Salle Rhonelle' }).click()
    await page.getByRole('link', { name: 'Semaine suivante →' }).click()
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'week view')

    await page
      .getByRole('link', { name: `Libre réserver Salle Rhonelle, ${dateLabel}, à 16:00` })
      .click()
    await page.waitForURL((url) => url.pathname === '/bookings/create')
    assert.equal(await page.getByLabel('Début').inputValue(), '16:00')
    // The room's usual length: an hour.
    assert.equal(await page.getByLabel('Fin').inputValue(), '17:00')
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'booking form')
    await page.getByLabel('Objet').fill('Rendez-vous investisseur')
    await page.getByRole('button', { name: 'Réserver' }).click()
    await page.getByText('La salle est réservée.').waitFor()

    const booking = await Booking.findByOrFail('title', 'Rendez-vous investisseur')
    assert.equal(booking.localStart.toFormat('yyyy-MM-dd HH:mm'), `${wednesday.toISODate()} 16:00`)

    await page.locator('main').getByRole('link', { name: 'Mes réservations' }).click()
    const row = page.getByRole('row', { name: /Rendez-vous investisseur/ })
    await row.waitFor()
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'my bookings')
    await row
      .getByRole('link', { name: /^Annuler/ })
      .first()
      .click()
    await page.getByRole('heading', { name: /Annuler la réservation/ }).waitFor()
    assert.deepEqual(await seriousAccessibilityViolations(page), [], 'cancellation page')
    await page.getByRole('button', { name: "Confirmer l'annulation" }).click()
    await page.getByText('La réservation est annulée').waitFor()
    await booking.refresh()
    assert.equal(booking.status, 'cancelled')
  })
})
