import { test } from '@japa/runner'
import hash from '@adonisjs/core/services/hash'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditEvent from '#models/audit_event'
import { createUser, PASSWORD } from '#tests/support/fixtures'

test.group('Changing one’s own password', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  for (const role of ['manager', 'tenant', 'official'] as const) {
    test(`a ${role} changes their password`, async ({ client, assert }) => {
      const user = await createUser(role)
      const response = await client
        .put('/account/password')
        .loginAs(user)
        .form({
          currentPassword: PASSWORD,
          password: 'un-tout-nouveau-secret',
          passwordConfirmation: 'un-tout-nouveau-secret',
        })
        .withCsrfToken()
        .redirects(0)
      response.assertHeader('location', '/')
      response.assertFlashMessage('success', 'Votre mot de passe est changé.')
      await user.refresh()
      assert.isTrue(await hash.verify(user.password, 'un-tout-nouveau-secret'))
      const event = await AuditEvent.findByOrFail('action', 'user.password_changed')
      assert.equal(event.userId, user.id)
      assert.isNull(event.after)
    })
  }

  test('the current password must be right', async ({ client, assert }) => {
    const user = await createUser('tenant')
    const response = await client
      .put('/account/password')
      .loginAs(user)
      .header('referer', '/account/password/edit')
      .form({
        currentPassword: 'pas-le-bon',
        password: 'un-tout-nouveau-secret',
        passwordConfirmation: 'un-tout-nouveau-secret',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/account/password/edit')
    response.assertFlashMessage('inputErrorsBag', {
      currentPassword: ['Le mot de passe actuel est incorrect.'],
    })
    await user.refresh()
    assert.isTrue(await hash.verify(user.password, PASSWORD))
  })

  test('the confirmation must match', async ({ client }) => {
    const user = await createUser('tenant')
    const response = await client
      .put('/account/password')
      .loginAs(user)
      .form({
        currentPassword: PASSWORD,
        password: 'un-tout-nouveau-secret',
        passwordConfirmation: 'autre-chose-encore',
      })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('inputErrorsBag', {
      passwordConfirmation: ['Les deux saisies ne correspondent pas.'],
    })
  })
})
