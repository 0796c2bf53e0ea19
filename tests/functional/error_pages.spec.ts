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

  test('a signed-in manager asking for a missing page gets the 404 page with the navigation', async ({
    client,
  }) => {
    const manager = await createUser('manager')
    const response = await client.get('/nulle-part/encore').loginAs(manager)
    response.assertStatus(404)
    response.assertTextIncludes('Page introuvable')
    response.assertTextIncludes('<nav aria-label="Navigation principale"')
    response.assertTextIncludes('href="/companies"')
    response.assertTextIncludes('href="/dashboard"')
  })

  test('a missing page for nobody signed in has no navigation', async ({ client, assert }) => {
    const response = await client.get('/nulle-part')
    response.assertStatus(404)
    assert.notInclude(response.text(), '<nav aria-label="Navigation principale"')
  })

  test('the favicon is linked from every page and served', async ({ client, assert }) => {
    const page = await client.get('/login')
    assert.include(page.text(), '<link rel="icon" href="/favicon.svg" type="image/svg+xml" />')
    const icon = await client.get('/favicon.svg')
    icon.assertStatus(200)
    assert.match(String(icon.header('content-type')), /^image\/svg\+xml/)
  })
})
