import { test } from '@japa/runner'
import Invitation from '#models/invitation'
import { createUser } from '#tests/support/fixtures'
import { truncateAfterEach } from '#tests/support/database'
import { recordedMails } from '#mails/transports/recording_transport'

/**
 * One pending invitation per address, whatever the concurrency: these requests run truly
 * in parallel (no shared test transaction; on MySQL each takes its own pooled connection),
 * each passes the check for a pending invitation before any has committed, and the unique
 * key on pending_email keeps exactly one.
 */
test.group('Invitations: one pending invitation per address under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => recordedMails.clear())

  test('10 parallel invitations to one address: exactly one is created and sent', async ({
    client,
    assert,
  }) => {
    const managers = []
    for (let index = 0; index < 10; index++) managers.push(await createUser('manager'))

    const responses = await Promise.all(
      managers.map((manager, index) =>
        client
          .post('/invitations')
          .loginAs(manager)
          .form({
            email: 'Meme.Adresse@example.test',
            fullName: `Invité ${index}`,
            role: 'official',
          })
          .withCsrfToken()
          .header('referer', '/invitations/create')
          .redirects(0)
      )
    )

    const sent = responses.filter((response) => response.header('location') === '/invitations')
    const refused = responses.filter(
      (response) => response.header('location') === '/invitations/create'
    )
    assert.lengthOf(sent, 1)
    assert.lengthOf(refused, 9)
    for (const response of refused) {
      const errors = response.flashMessages().inputErrorsBag as Record<string, string[]>
      assert.match(errors.email[0], /^Une invitation est déjà en attente pour cette adresse/)
    }
    const invitations = await Invitation.query().where('email', 'meme.adresse@example.test')
    assert.lengthOf(invitations, 1)
    assert.lengthOf(recordedMails.to('meme.adresse@example.test'), 1)
  }).timeout(60000)
})
