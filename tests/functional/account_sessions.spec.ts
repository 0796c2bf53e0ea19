import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import { SessionCollection } from '@adonisjs/session'
import limiter from '@adonisjs/limiter/services/main'
import User from '#models/user'
import AuditEvent from '#models/audit_event'
import { createBuilding, createUser, PASSWORD } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { assertPage } from '#tests/support/pages'
import { Visitor } from '#tests/support/instances'

/** The test server, reached as a browser would (its own cookies, real requests). */
const base = () => `http://${process.env.HOST}:${process.env.PORT}`

/** A browser that has logged in as the user through the login form. */
async function loggedIn(user: User, password = PASSWORD, agent?: string) {
  const visitor = new Visitor()
  visitor.agent = agent
  const answer = await visitor.submit(base(), '/login', '/login', {
    email: user.email,
    password,
  })
  if (answer.location !== '/') throw new Error(`login failed: ${answer.status} ${answer.location}`)
  return visitor
}

/** What a browser gets for the home page: 200, or the login page it is sent to. */
async function home(visitor: Visitor) {
  const answer = await visitor.request(base(), '/')
  return answer.status === 200 ? 'home' : answer.location
}

test.group('Sessions live on the server and can be ended', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => limiter.clear())
  group.each.setup(async () => {
    await createBuilding()
  })

  test('logging out ends the session: a copied cookie no longer works', async ({ assert }) => {
    const user = await createUser('manager')
    const browser = await loggedIn(user)
    const copy = new Visitor()
    copy.cookies = new Map(browser.cookies)
    assert.equal(await home(copy), 'home')

    const logout = await browser.submit(base(), '/', '/logout?_method=DELETE', {})
    assert.equal(logout.location, '/login')
    assert.equal(await home(browser), '/login')
    assert.equal(await home(copy), '/login')
  })

  test('a password change ends every other session; the one that changed it goes on', async ({
    assert,
  }) => {
    const user = await createUser('tenant')
    const laptop = await loggedIn(user)
    const phone = await loggedIn(user)
    const changed = await laptop.submit(
      base(),
      '/account/password/edit',
      '/account/password?_method=PUT',
      {
        currentPassword: PASSWORD,
        password: 'a-brand-new-passphrase',
        passwordConfirmation: 'a-brand-new-passphrase',
      }
    )
    assert.equal(changed.location, '/')
    assert.equal(await home(laptop), 'home')
    assert.equal(await home(phone), '/login')
    const message = await phone.request(base(), '/login')
    assert.include(visibleText(message.text), 'Connectez-vous pour ouvrir cette page.')
  })

  test('disabling an account, or changing its role, ends its sessions', async ({ assert }) => {
    const manager = await createUser('manager')
    const office = await loggedIn(manager)
    for (const change of ['disable', 'role'] as const) {
      const person = await createUser('tenant')
      const browser = await loggedIn(person)
      assert.equal(await home(browser), 'home')
      const answer =
        change === 'disable'
          ? await office.submit(base(), '/users', `/users/${person.id}/disablement`, {})
          : await office.submit(
              base(),
              `/users/${person.id}/edit`,
              `/users/${person.id}?_method=PUT`,
              {
                fullName: person.fullName,
                email: person.email,
                role: 'official',
              }
            )
      assert.equal(answer.location, '/users', change)
      assert.equal(await home(browser), '/login', change)
    }
    assert.equal(await home(office), 'home')
  })

  test('a session of an older generation is refused even if its data is still stored', async ({
    assert,
  }) => {
    const user = await createUser('official')
    const browser = await loggedIn(user)
    // Another process moved the account on (its store not touched here).
    await User.query().where('id', user.id).increment('session_generation', 1)
    assert.equal(await home(browser), '/login')
  })

  test('the open sessions: listed without their ids, and the others logged out', async ({
    assert,
  }) => {
    const user = await createUser('manager')
    // Ids come back after each test's rollback: sessions an earlier test left in the
    // process's memory store under this id are not this account's.
    const leftovers = await app.container.make(SessionCollection)
    for (const { id } of await leftovers.tagged(String(user.id))) await leftovers.destroy(id)
    const desk = await loggedIn(
      user,
      PASSWORD,
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'
    )
    const phone = await loggedIn(
      user,
      PASSWORD,
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
    )
    const other = await loggedIn(await createUser('manager'))

    const page = await desk.request(base(), '/account/sessions')
    assert.equal(page.status, 200)
    const text = visibleText(page.text)
    assert.include(text, 'Sessions ouvertes')
    assert.include(text, 'Cette session')
    // The account's pages side by side, the component rendered (not its tag).
    assert.notInclude(page.text, '@!')
    assert.include(page.text, 'href="/account/password/edit"')
    assert.lengthOf(page.text.match(/class="card"/g) ?? [], 2)
    const sessions = await app.container.make(SessionCollection)
    const tagged = await sessions.tagged(String(user.id))
    const ids = tagged.map((entry) => entry.id)
    assert.lengthOf(ids, 2)
    for (const id of ids) {
      for (const part of id.split('-')) assert.notInclude(page.text, part)
    }
    assert.include(text, 'Chrome sous Linux')
    assert.include(text, 'Safari sous iOS')

    const ended = await desk.submit(
      base(),
      '/account/sessions',
      '/account/sessions/others?_method=DELETE',
      {}
    )
    assert.equal(ended.location, '/account/sessions')
    assert.equal(await home(phone), '/login')
    assert.equal(await home(desk), 'home')
    assert.equal(await home(other), 'home')
    const after = await desk.request(base(), '/account/sessions')
    assert.lengthOf(after.text.match(/class="card"/g) ?? [], 1)
    assert.include(visibleText(after.text), "Aucune autre session n'est ouverte.")
    assert.exists(await AuditEvent.findBy('action', 'user.other_sessions_ended'))
  })

  test('a page asked for before logging in is where the login leads', async ({ assert }) => {
    const user = await createUser('manager')
    const visitor = new Visitor()
    const asked = await visitor.request(base(), '/companies?status=hosted')
    assert.equal(asked.location, '/login')
    const login = await visitor.request(base(), '/login')
    assertPage(login, 'Connexion')
    assert.include(visibleText(login.text), 'Connectez-vous pour ouvrir cette page.')
    assert.notInclude(login.text, 'Unauthorized')
    const answer = await visitor.submit(base(), '/login', '/login', {
      email: user.email,
      password: PASSWORD,
    })
    assert.equal(answer.location, '/companies?status=hosted')

    // An address read as another site's is never where a login leads.
    const tricked = new Visitor()
    await tricked.request(base(), '//evil.example/companies')
    const after = await tricked.submit(base(), '/login', '/login', {
      email: user.email,
      password: PASSWORD,
    })
    assert.equal(after.location, '/')
  })
})
