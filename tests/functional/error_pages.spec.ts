import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createUser } from '#tests/support/fixtures'

test.group('Error pages', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an unknown address gets the French 404 page', async ({ client }) => {
    const response = await client.get('/nulle-part')
    response.assertStatus(404)
    response.assertTextIncludes('Page introuvable')
    response.assertTextIncludes('<html lang="fr">')
  })

  test('an unknown record gets the 404 page', async ({ client }) => {
    const manager = await createUser('manager')
    const response = await client.get('/users/999999/edit').loginAs(manager)
    response.assertStatus(404)
    response.assertTextIncludes('Page introuvable')
  })

  test('a record id that is not a number gets the 404 page', async ({ client }) => {
    const manager = await createUser('manager')
    for (const url of ['/users/abc/edit', '/companies/x', '/agreements/1e3']) {
      const response = await client.get(url).loginAs(manager)
      response.assertStatus(404)
    }
  })

  test('a page beyond the role gets the French 403 page', async ({ client }) => {
    const tenant = await createUser('tenant')
    const response = await client.get('/users').loginAs(tenant)
    response.assertStatus(403)
    response.assertTextIncludes('Accès refusé')
    response.assertTextIncludes('Votre compte ne permet pas')
  })
})
