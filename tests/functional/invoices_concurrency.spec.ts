import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Invoice from '#models/invoice'
import { today } from '#domain/periods'
import { createUser } from '#tests/support/fixtures'
import { billedCompany, marchDraft, newDraft } from '#tests/support/invoices'
import { truncateAfterEach } from '#tests/support/database'

/**
 * Invoice numbers follow one another without gap or duplicate, whatever the concurrency:
 * these requests run truly in parallel (no shared test transaction; on MySQL each takes its
 * own pooled connection), and the series' row lock hands out the numbers one by one.
 */
test.group('Invoices: numbering under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.timeout(60_000)

  test('20 drafts issued by parallel requests get 20 consecutive numbers; refused ones take none', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const drafts: Invoice[] = []
    for (let index = 0; index < 20; index++) {
      drafts.push(await newDraft(`Parallèle ${index}`))
    }
    // Two drafts without a billing address: refused, in the same rush.
    const refused: Invoice[] = []
    for (let index = 0; index < 2; index++) {
      const { company } = await billedCompany(`Sans adresse ${index}`, { billingAddress: null })
      refused.push(await marchDraft(company))
    }

    const responses = await Promise.all(
      [...drafts, ...refused].map((invoice) =>
        client
          .post(`/invoices/${invoice.id}/issuance`)
          .loginAs(manager)
          .header('referer', `/invoices/${invoice.id}/issuance/create`)
          .withCsrfToken()
          .redirects(0)
      )
    )
    for (const response of responses) assert.isBelow(response.status(), 500)

    const year = today().year
    const issued = await Invoice.query().where('status', 'issued').orderBy('number')
    assert.deepEqual(
      issued.map((invoice) => invoice.number),
      Array.from({ length: 20 }, (_, index) => `F${year}-${String(index + 1).padStart(6, '0')}`)
    )
    assert.sameMembers(
      issued.map((invoice) => invoice.id),
      drafts.map((invoice) => invoice.id)
    )
    const sequence = await db.from('invoice_sequences').where({ series: 'F', year }).first()
    assert.equal(Number(sequence.last_number), 20)
    const stillDraft = await Invoice.query().where('status', 'draft').whereNull('number')
    assert.sameMembers(
      stillDraft.map((invoice) => invoice.id),
      refused.map((invoice) => invoice.id)
    )
  })

  test('the same draft issued twice at once is issued once', async ({ client, assert }) => {
    const manager = await createUser('manager')
    const draft = await newDraft('Deux fois')
    await Promise.all(
      Array.from({ length: 5 }, () =>
        client
          .post(`/invoices/${draft.id}/issuance`)
          .loginAs(manager)
          .header('referer', `/invoices/${draft.id}/issuance/create`)
          .withCsrfToken()
          .redirects(0)
      )
    )
    await draft.refresh()
    assert.equal(draft.number, `F${today().year}-000001`)
    const sequence = await db
      .from('invoice_sequences')
      .where({ series: 'F', year: today().year })
      .first()
    assert.equal(Number(sequence.last_number), 1)
  })
})
