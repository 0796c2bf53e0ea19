import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime, Settings } from 'luxon'
import Company from '#models/company'
import Booking from '#models/booking'
import DataRevision from '#models/data_revision'
import { createUser, PASSWORD } from '#tests/support/fixtures'
import { createRoom, hostedTenant, nextMonday } from '#tests/support/bookings'
import { Visitor } from '#tests/support/instances'
import { assertPage } from '#tests/support/pages'

/** The test server, reached like a browser would (cookies kept by the visitor). */
const server = `http://${process.env.HOST}:${process.env.PORT}`

/** A visitor logged in with an account made for the test. */
async function loggedIn(email: string) {
  const visitor = new Visitor()
  const login = await visitor.submit(server, '/login', '/login', { email, password: PASSWORD })
  if (login.location !== '/') throw new Error(`login of ${email} failed: ${login.status}`)
  return visitor
}

/** Whether the page cache served the page (hit), made it (miss) or stayed aside (null). */
async function cacheOf(visitor: Visitor, path: string) {
  const answer = await visitor.request(server, path)
  return answer.pageCache
}

/** The CSRF token written in a page. */
function csrfTokenOf(html: string) {
  return /name=['"]_csrf['"] value=['"]([^'"]+)['"]/.exec(html)?.[1]
}

test.group('Page cache', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.teardown(() => {
    Settings.now = () => Date.now()
  })

  test('a page asked again at the same revision is served kept, with the same content', async ({
    assert,
  }) => {
    const manager = await createUser('manager')
    await Company.create({ name: 'Atelier Gamma', sector: 'software', status: 'hosted' })
    const visitor = await loggedIn(manager.email)

    const first = await visitor.request(server, '/companies?q=Gamma')
    const second = await visitor.request(server, '/companies?q=Gamma')

    assert.equal(first.status, 200)
    assert.equal(first.pageCache, 'miss')
    assert.equal(second.pageCache, 'hit')
    assert.include(second.text, 'Atelier Gamma')
    const withoutTokens = (html: string) => html.replaceAll(csrfTokenOf(html)!, 'TOKEN')
    assert.equal(withoutTokens(second.text), withoutTokens(first.text))
  })

  test('requests for the same page at the same moment make it once', async ({ assert }) => {
    const manager = await createUser('manager')
    const visitor = await loggedIn(manager.email)
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => visitor.request(server, '/dashboard'))
    )
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [200, 200, 200, 200, 200, 200]
    )
    assert.lengthOf(
      answers.filter((answer) => answer.pageCache === 'miss'),
      1
    )
  })

  test('a kept page carries a CSRF token valid in the session that gets it', async ({ assert }) => {
    const { tenant } = await hostedTenant()
    const room = await createRoom()
    // The same person in two browsers: two sessions, two CSRF secrets.
    const browsers = [await loggedIn(tenant.email), await loggedIn(tenant.email)]
    const week = `/meeting-rooms/${room.id}?week=${nextMonday()}`
    await browsers[0].request(server, week)
    const kept = []
    for (const browser of browsers) {
      const page = await browser.request(server, week)
      assert.equal(page.pageCache, 'hit')
      kept.push(page)
    }
    for (const [index, browser] of browsers.entries()) {
      const booked = await browser.request(server, '/bookings', {
        _csrf: csrfTokenOf(kept[index].text)!,
        meetingRoomId: String(room.id),
        date: nextMonday(),
        startTime: `${10 + index}:00`,
        endTime: `${11 + index}:00`,
        title: `Réunion prise depuis une page gardée ${index}`,
        attendees: '2',
      })
      assert.equal(booked.status, 302)
      assert.match(booked.location!, new RegExp(`^/meeting-rooms/${room.id}`))
    }
    assert.lengthOf(await Booking.query().where('meeting_room_id', room.id), 2)
  })

  test('after a write, the page is made again and shows it', async ({ assert }) => {
    const { tenant, company } = await hostedTenant()
    const manager = await createUser('manager')
    const room = await createRoom()
    const week = `/meeting-rooms/${room.id}?week=${nextMonday()}`
    const watcher = await loggedIn(manager.email)
    await watcher.request(server, week)
    assert.equal(await cacheOf(watcher, week), 'hit')

    // A write through a form, by someone else: the manager's week shows it at once.
    const booker = await loggedIn(tenant.email)
    const booked = await booker.submit(server, week, '/bookings', {
      meetingRoomId: String(room.id),
      date: nextMonday(),
      startTime: '14:00',
      endTime: '15:00',
      title: 'Point hebdomadaire',
      attendees: '2',
    })
    assert.equal(booked.status, 302)
    const after = await watcher.request(server, week)
    assert.equal(after.pageCache, 'miss')
    assert.include(after.text, 'Point hebdomadaire')

    // A write made elsewhere (a model saved outside any request): the same.
    assert.equal(await cacheOf(watcher, week), 'hit')
    company.name = 'Réservante renommée'
    await company.save()
    const renamed = await watcher.request(server, week)
    assert.equal(renamed.pageCache, 'miss')
    assert.include(renamed.text, 'Réservante renommée')
  })

  test('each person gets their own pages: a tenant never gets another company’s', async ({
    assert,
  }) => {
    const room = await createRoom()
    const first = await hostedTenant('Première')
    const second = await hostedTenant('Seconde')
    const week = `/meeting-rooms/${room.id}?week=${nextMonday()}`
    const one = await loggedIn(first.tenant.email)
    await one.request(server, week)
    assert.equal(await cacheOf(one, week), 'hit')

    const other = await loggedIn(second.tenant.email)
    const page = await other.request(server, week)
    assertPage(page, room.name)
    assert.equal(page.pageCache, 'miss')
    assert.include(page.text, second.tenant.fullName)
    assert.notInclude(page.text, first.tenant.fullName)
  })

  test('a page showing a flash message is neither served kept nor kept', async ({ assert }) => {
    const { tenant } = await hostedTenant()
    const room = await createRoom()
    const visitor = await loggedIn(tenant.email)
    const week = `/meeting-rooms/${room.id}?week=${nextMonday()}`
    const booked = await visitor.submit(server, week, '/bookings', {
      meetingRoomId: String(room.id),
      date: nextMonday(),
      startTime: '09:00',
      endTime: '10:00',
      title: 'Réunion',
      attendees: '2',
    })
    const withFlash = await visitor.request(server, booked.location!)
    assert.include(withFlash.text, 'La salle est réservée.')
    assert.isNull(withFlash.pageCache)

    const again = await visitor.request(server, booked.location!)
    assertPage(again, room.name)
    assert.equal(again.pageCache, 'miss')
    assert.notInclude(again.text, 'La salle est réservée.')
  })

  test('a page is made again in the next minute, so that "now" on it stays right', async ({
    assert,
  }) => {
    const manager = await createUser('manager')
    const visitor = await loggedIn(manager.email)
    const at = DateTime.fromISO('2026-03-29T00:59:30Z').toMillis()
    Settings.now = () => at
    await visitor.request(server, '/companies')
    assert.equal(await cacheOf(visitor, '/companies'), 'hit')
    Settings.now = () => at + 31_000
    assert.equal(await cacheOf(visitor, '/companies'), 'miss')
  })

  test('language and address are part of what makes a page', async ({ assert }) => {
    const manager = await createUser('manager')
    const english = await createUser('manager', { locale: 'en' })
    const french = await loggedIn(manager.email)
    const other = await loggedIn(english.email)
    await french.request(server, '/companies')
    assert.equal(await cacheOf(french, '/companies?status=hosted'), 'miss')
    const page = await other.request(server, '/companies')
    assert.equal(page.pageCache, 'miss')
    assert.include(page.text, '<html lang="en">')
  })

  test('forms are never kept: they show what the user typed', async ({ assert }) => {
    const manager = await createUser('manager')
    const visitor = await loggedIn(manager.email)
    await visitor.request(server, '/companies/create')
    assert.isNull(await cacheOf(visitor, '/companies/create'))
  })

  test('the revision changes once per transaction that wrote, and not for one rolled back', async ({
    assert,
  }) => {
    const before = await DataRevision.current()
    await DataRevision.transaction(async (trx) => {
      await Company.create({ name: 'Un', sector: 'software', status: 'hosted' }, { client: trx })
      await Company.create({ name: 'Deux', sector: 'software', status: 'hosted' }, { client: trx })
      // Not yet: the revision changes just before commit.
      assert.equal(await DataRevision.current(trx), before)
    })
    const after = await DataRevision.current()
    assert.notEqual(after, before)

    await DataRevision.transaction(async () => {}).catch(() => {})
    assert.equal(await DataRevision.current(), after, 'a transaction that wrote nothing')

    await DataRevision.transaction(async (trx) => {
      await Company.create({ name: 'Trois', sector: 'software', status: 'hosted' }, { client: trx })
      throw new Error('refused')
    }).catch(() => {})
    assert.equal(await DataRevision.current(), after, 'a transaction rolled back')
    assert.isNull(await Company.findBy('name', 'Trois'))
  })
})
