import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Setting from '#models/setting'
import AuditEvent from '#models/audit_event'
import { createCompany, createUser } from '#tests/support/fixtures'
import { createCell } from '#tests/support/agreements'

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
      .form({ maxStayMonths: '24', bookingQuotaHours: '8' })
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
      .form({ maxStayMonths: '24', bookingQuotaHours: '8' })
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
      .form({ maxStayMonths: '500', bookingQuotaHours: '8' })
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
      .form({ maxStayMonths: '48', bookingQuotaHours: '10,5' })
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
