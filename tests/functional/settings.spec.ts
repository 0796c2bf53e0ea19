import { test } from '@japa/runner'
import { billingSettingsForm } from '#tests/support/billing'
import testUtils from '@adonisjs/core/services/test_utils'
import Setting from '#models/setting'
import AuditEvent from '#models/audit_event'
import { createCompany, createUser } from '#tests/support/fixtures'
import { createCell } from '#tests/support/agreements'
import { visibleText } from '#tests/support/html'

test.group('Settings: the maximum stay', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('48 months by default; a manager changes it; the change is recorded', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    assert.equal(await Setting.maxStayMonths(), 48)
    const page = await client.get('/settings/edit').loginAs(manager)
    page.assertStatus(200)
    page.assertTextIncludes('value="48"')

    const response = await client
      .put('/settings')
      .loginAs(manager)
      .form({ ...billingSettingsForm, maxStayMonths: '24', bookingQuotaHours: '8' })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/settings/edit')
    assert.equal(await Setting.maxStayMonths(), 24)
    const event = await AuditEvent.findByOrFail('action', 'setting.updated')
    assert.deepEqual(event.changedFields, [{ field: 'max_stay_months', before: '48', after: '24' }])
  })

  test('a new agreement obeys the new maximum stay', async ({ client }) => {
    const manager = await createUser('manager')
    await client
      .put('/settings')
      .loginAs(manager)
      .form({ ...billingSettingsForm, maxStayMonths: '24', bookingQuotaHours: '8' })
      .withCsrfToken()
    const company = await createCompany()
    const cell = await createCell()
    const response = await client
      .post('/agreements')
      .loginAs(manager)
      .form({
        companyId: String(company.id),
        cellIds: [String(cell.id)],
        startsOn: '2026-01-01',
        endsOn: '2028-06-30',
        noticeMonths: '3',
        rentSteps: ['10'],
        monthlyCharges: '0',
        deposit: '0',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      endsOn: [
        'Le séjour dépasserait 24 mois : la convention doit finir au plus tard le 31 décembre 2027.',
      ],
    })
  })

  test('out-of-range values are refused', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const response = await client
      .put('/settings')
      .loginAs(manager)
      .form({ ...billingSettingsForm, maxStayMonths: '500', bookingQuotaHours: '8' })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', { maxStayMonths: ['Saisissez au plus 120.'] })
    assert.equal(await Setting.maxStayMonths(), 48)
  })

  test('the meeting room quota: 8 h by default, changed globally and per company', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    assert.equal(await company.quotaMinutes(), 480)

    await client
      .put('/settings')
      .loginAs(manager)
      .form({ ...billingSettingsForm, maxStayMonths: '48', bookingQuotaHours: '10,5' })
      .withCsrfToken()
    assert.equal(await company.quotaMinutes(), 630)
    const event = await AuditEvent.findByOrFail('action', 'setting.updated')
    assert.deepEqual(event.changedFields, [
      { field: 'booking_quota_minutes', before: '480', after: '630' },
    ])

    await client
      .put(`/companies/${company.id}`)
      .loginAs(manager)
      .form({ name: company.name, sector: 'software', bookingQuotaHours: '4' })
      .withCsrfToken()
    await company.refresh()
    assert.equal(company.bookingQuotaMinutes, 240)
    assert.equal(await company.quotaMinutes(), 240)
  })
})

test.group('Settings: the billing rules', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('by default: billed in advance, room hours beyond the quota free, 30 days to pay', async ({
    client,
    assert,
  }) => {
    assert.isTrue(await Setting.billingInAdvance())
    assert.equal(await Setting.number('room_hour_price_cents'), 0)
    assert.equal(await Setting.number('invoice_days_to_pay'), 30)
    const page = await client.get('/settings/edit').loginAs(await createUser('manager'))
    assert.match(page.text(), /value="advance"\s+selected/)
    page.assertTextIncludes('value="30"')
  })

  test('a manager bills in arrears, prices room hours in euros; the history says it in words', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const response = await client
      .put('/settings')
      .loginAs(manager)
      .form({
        maxStayMonths: '48',
        bookingQuotaHours: '8',
        billing: 'arrears',
        roomHourPrice: '12,50',
        invoiceDaysToPay: '45',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/settings/edit')
    assert.isFalse(await Setting.billingInAdvance())
    assert.equal(await Setting.number('room_hour_price_cents'), 1250)
    assert.equal(await Setting.number('invoice_days_to_pay'), 45)
    const page = await client.get('/settings/edit').loginAs(manager)
    const text = visibleText(page.text())
    assert.include(text, 'Facturation à échoir : oui → non (à terme échu)')
    assert.include(text, "Prix d'une heure de salle au-delà du forfait : 0,00 € → 12,50 €")
  })

  test('more than 60 days to pay is refused', async ({ client, assert }) => {
    const response = await client
      .put('/settings')
      .loginAs(await createUser('manager'))
      .form({
        ...billingSettingsForm,
        maxStayMonths: '48',
        bookingQuotaHours: '8',
        invoiceDaysToPay: '90',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', { invoiceDaysToPay: ['Saisissez au plus 60.'] })
    assert.equal(await Setting.number('invoice_days_to_pay'), 30)
  })
})
