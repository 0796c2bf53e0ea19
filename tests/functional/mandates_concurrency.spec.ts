import { test } from '@japa/runner'
import Mandate from '#models/mandate'
import { createCompany, createUser } from '#tests/support/fixtures'
import { truncateAfterEach } from '#tests/support/database'
import { mandateForm } from '#tests/support/billing'

/**
 * A company has at most one active mandate, and each mandate its own reference, whatever
 * the concurrency: these requests run truly in parallel (on MySQL each on its own pooled
 * connection); the lock on the company makes them one after the other.
 */
test.group('SEPA mandates under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach())

  test('8 mandates recorded at once for one company: 8 references in a row, one active', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const company = await createCompany('Pressée')

    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        client
          .post(`/companies/${company.id}/mandates`)
          .loginAs(manager)
          .form(mandateForm)
          .withCsrfToken()
          .redirects(0)
      )
    )

    for (const response of responses) response.assertHeader('location', `/companies/${company.id}`)
    const mandates = await Mandate.query().where('company_id', company.id).orderBy('id')
    assert.deepEqual(
      mandates.map((mandate) => mandate.reference),
      Array.from(
        { length: 8 },
        (_, index) => `PNF-${String(company.id).padStart(8, '0')}-00${index + 1}`
      )
    )
    assert.deepEqual(
      mandates.map((mandate) => mandate.isActive),
      [false, false, false, false, false, false, false, true]
    )
  })
})
