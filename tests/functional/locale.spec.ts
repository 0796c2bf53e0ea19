import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createBuilding, createUser } from '#tests/support/fixtures'

test.group('Language switch', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('French is the default', async ({ client }) => {
    const response = await client.get('/login')
    response.assertTextIncludes('<html lang="fr">')
    response.assertTextIncludes('Se connecter')
  })

  test('a visitor switches to English for the session', async ({ client }) => {
    const response = await client.put('/locale').form({ locale: 'en' }).withCsrfToken().redirects(0)
    response.assertStatus(302)
    response.assertSession('locale', 'en')

    const page = await client.get('/login').withSession({ locale: 'en' })
    page.assertTextIncludes('<html lang="en">')
    page.assertTextIncludes('Log in with your account')
  })

  test("a user's choice is remembered on the account", async ({ client, assert }) => {
    await createBuilding()
    const user = await createUser('official')
    await client.put('/locale').loginAs(user).form({ locale: 'en' }).withCsrfToken().redirects(0)
    await user.refresh()
    assert.equal(user.locale, 'en')

    const home = await client.get('/').loginAs(user)
    home.assertTextIncludes('Incubator overview')
  })

  test('an unknown language is refused without a 500', async ({ client }) => {
    const response = await client.put('/locale').form({ locale: 'xx' }).withCsrfToken().redirects(0)
    response.assertStatus(302)
  })
})
