import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Agreement from '#models/agreement'
import AuditEvent from '#models/audit_event'
import { createCompany, createUser } from '#tests/support/fixtures'
import { createCell, openAgreement } from '#tests/support/agreements'
import { visibleText } from '#tests/support/html'
import { assertPage } from '#tests/support/pages'
import { day } from '#domain/periods'

/**
 * A draft that will never be signed is discarded, not deleted: it stays with its history,
 * but holds no cell any more (plan, deadlines, rent roll and overlap checks ignore it).
 */
test.group('Draft agreements: discarding', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a draft is discarded after a second thought; its cells are free again', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany('Hésitante')
    const cell = await createCell({ code: 'D-1' })
    const draft = await openAgreement({
      companyId: company.id,
      cellIds: [cell.id],
      startsOn: day('2027-01-01'),
      endsOn: day('2027-12-31'),
    })

    const show = await client.get(`/agreements/${draft.id}`).loginAs(manager)
    assert.include(show.text(), `href="/agreements/${draft.id}/discard/create"`)

    const page = await client.get(`/agreements/${draft.id}/discard/create`).loginAs(manager)
    assertPage(page, 'Abandonner le brouillon de convention')
    const text = visibleText(page.text())
    assert.include(text, 'Cellules D-1, du 1er janvier 2027 au 31 décembre 2027.')
    assert.include(text, "l'abandon est définitif")
    assert.include(page.text(), `action="/agreements/${draft.id}/discard"`)
    await draft.refresh()
    assert.equal(draft.status, 'draft', 'the page changes nothing')

    // Before: the plan shows the cell taken by the draft.
    const before = await client.get('/').qs({ on: '2027-03-01' }).loginAs(manager)
    assert.notInclude(
      before.text().replace(/&amp;/g, '&'),
      `cell_ids=${cell.id}&starts_on=2027-03-01`
    )

    const discarded = await client
      .post(`/agreements/${draft.id}/discard`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    discarded.assertHeader('location', `/agreements/${draft.id}`)
    assert.property(discarded.flashMessages(), 'success')
    await draft.refresh()
    assert.equal(draft.status, 'discarded')

    const event = await AuditEvent.query()
      .where('subject_type', 'Agreement')
      .where('subject_id', draft.id)
      .where('action', 'agreement.discarded')
      .firstOrFail()
    assert.equal(event.userId, manager.id)
    assert.equal(event.beforeValues!.status, 'draft')
    assert.equal(event.afterValues!.status, 'discarded')

    const after = await client.get(`/agreements/${draft.id}`).loginAs(manager)
    const afterText = visibleText(after.text())
    assert.include(afterText, 'Abandonnée')
    assert.include(afterText, 'Brouillon abandonné')
    assert.notInclude(after.text(), `/agreements/${draft.id}/activation/create`)
    assert.notInclude(after.text(), `/agreements/${draft.id}/discard/create`)

    // The plan offers the cell again, and another agreement may take it over the same period.
    const plan = await client.get('/').qs({ on: '2027-03-01' }).loginAs(manager)
    assert.include(plan.text().replace(/&amp;/g, '&'), `cell_ids=${cell.id}&starts_on=2027-03-01`)
    const other = await createCompany('Décidée')
    const taken = await openAgreement({
      companyId: other.id,
      cellIds: [cell.id],
      startsOn: day('2027-01-01'),
      endsOn: day('2027-12-31'),
    })
    assert.equal(taken.status, 'draft')
  })

  test('a signed agreement cannot be discarded', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const company = await createCompany()
    const cell = await createCell()
    const agreement = await openAgreement({ companyId: company.id, cellIds: [cell.id] })
    await Agreement.query().where('id', agreement.id).update({ status: 'active' })

    const show = await client.get(`/agreements/${agreement.id}`).loginAs(manager)
    assert.equal(show.status(), 200)
    assert.notInclude(show.text(), `/agreements/${agreement.id}/discard/create`)
    const page = await client.get(`/agreements/${agreement.id}/discard/create`).loginAs(manager)
    page.assertStatus(403)

    const refused = await client
      .post(`/agreements/${agreement.id}/discard`)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(302)
    assert.notProperty(refused.flashMessages(), 'success')
    await agreement.refresh()
    assert.equal(agreement.status, 'active')
    const events = await AuditEvent.query()
      .where('subject_id', agreement.id)
      .where('action', 'agreement.discarded')
    assert.lengthOf(events, 0)
  })
})
