import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { day, today } from '#domain/periods'
import { formatDate } from '#helpers/formatting'
import { visibleText } from '#tests/support/html'
import { countQueries } from '#tests/support/queries'
import { bookDirectly, createRoom, hostedTenant, nextMonday } from '#tests/support/bookings'
import { createCell, openAgreement } from '#tests/support/agreements'

/** A hosted company entered in January, with a signed agreement for one cell and a booking. */
async function tenantWithStay(name: string, cellCode: string, title: string) {
  const { company, tenant } = await hostedTenant(name)
  company.enteredOn = day('2026-01-15')
  await company.save()
  const cell = await createCell({ code: cellCode, areaSqm: 18.5 })
  const agreement = await openAgreement({
    companyId: company.id,
    cellIds: [cell.id],
    startsOn: day('2026-01-15'),
    endsOn: today().plus({ months: 8 }),
  })
  agreement.status = 'active'
  await agreement.save()
  const room = await createRoom({ name: `Salle ${name}` })
  await bookDirectly(room, company.id, nextMonday(), '10:00', '11:30', title)
  return { company, tenant, agreement }
}

test.group("Tenant's home: what the company has to see and do", (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('shows its next bookings, hours left, declarations to make, cells and calendar', async ({
    client,
    assert,
  }) => {
    const { company, tenant, agreement } = await tenantWithStay('Ourse', 'C-OUR', 'Point Ourse')
    await tenantWithStay('Loutre', 'C-LOU', 'Point Loutre')

    const page = await client.get('/').loginAs(tenant)
    page.assertStatus(200)
    const text = visibleText(page.text())
    assert.include(text, 'Vos prochaines réservations')
    assert.include(
      text,
      `${formatDate(day(nextMonday()), 'fr')}, 10:00–11:30 — Salle Ourse — Point Ourse`
    )
    assert.notInclude(text, 'Point Loutre')
    assert.include(page.text(), 'href="/bookings/create"')
    assert.include(page.text(), 'href="/bookings"')

    // 1 h 30 booked next Monday: this month or next, out of the 8 h quota.
    assert.include(text, '6,5 h restantes sur 8 h')

    assert.include(text, 'Déclarer : Entrée, 15 janvier 2026')
    assert.include(
      page.text(),
      `/companies/${company.id}/declarations/create?kind=entry&amp;period_on=2026-01-15`
    )

    assert.include(text, 'C-OUR')
    assert.notInclude(text, 'C-LOU')
    assert.include(text, `jusqu'au ${formatDate(agreement.endsOn, 'fr')}`)
    assert.include(page.text(), 'href="/account/calendar/edit"')
  })

  test('says when every declaration is made and nothing is booked', async ({ client, assert }) => {
    const { tenant } = await hostedTenant('Sans')
    const page = await client.get('/').loginAs(tenant)
    const text = visibleText(page.text())
    assert.include(text, 'Aucune réservation à venir.')
    assert.include(text, "Votre entreprise n'occupe aucune cellule en ce moment.")
    assert.include(text, "Toutes vos déclarations d'effectif sont faites.")
  })

  test('reads the same few queries whatever the number of bookings', async ({ client, assert }) => {
    const { company, tenant } = await tenantWithStay('Compte', 'C-CPT', 'Un')
    const one = await countQueries(() => client.get('/').loginAs(tenant))
    const room = await createRoom()
    for (const start of ['08:00', '09:00', '13:00', '15:00'])
      await bookDirectly(room, company.id, nextMonday(2), start, start.replace(':00', ':30'))
    const five = await countQueries(() => client.get('/').loginAs(tenant))
    assert.equal(five, one)
  })

  test('the navigation offers the tenant its bookings', async ({ client, assert }) => {
    const { tenant } = await hostedTenant('Nav')
    const page = await client.get('/').loginAs(tenant)
    assert.include(visibleText(page.text()), 'Mes réservations')
  })
})
