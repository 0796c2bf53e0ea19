import { test } from '@japa/runner'
import Booking from '#models/booking'
import Setting from '#models/setting'
import { createUser, PASSWORD } from '#tests/support/fixtures'
import { createRoom, hostedTenant, nextMonday } from '#tests/support/bookings'
import { buildApp, startInstance, Visitor, type Instance } from '#tests/support/instances'
import { truncateAfterEach } from '#tests/support/database'

const onMysql = process.env.DB_CONNECTION === 'mysql'

/**
 * Two instances of the built app (production mode) share MariaDB and Redis, as they
 * would behind a load balancer: sessions live in the database (or in Redis), the login
 * throttle in Redis, every invariant in the database. MySQL only.
 */
test.group('Several instances: one MariaDB, one Redis', (group) => {
  const instances: Instance[] = []

  group.setup(async () => {
    if (!onMysql) return
    await buildApp()
    const shared = {
      APP_KEY: process.env.APP_KEY!,
      DB_CONNECTION: 'mysql',
      DB_HOST: process.env.DB_HOST ?? '127.0.0.1',
      DB_PORT: process.env.DB_PORT ?? '3306',
      DB_USER: process.env.DB_USER ?? 'root',
      DB_PASSWORD: process.env.DB_PASSWORD ?? '',
      DB_DATABASE: process.env.DB_DATABASE!,
      SESSION_DRIVER: 'database',
      LIMITER_STORE: 'redis',
      MAIL_MAILER: 'recording',
    }
    instances.push(await startInstance(3391, shared), await startInstance(3392, shared))
    // Two more with their sessions in Redis.
    const redis = { ...shared, SESSION_DRIVER: 'redis' }
    instances.push(await startInstance(3393, redis), await startInstance(3394, redis))
  })
  group.teardown(() => {
    for (const instance of instances) instance.process.kill()
  })
  // Each test's rows are committed (the instances see them), then truncated after it.
  group.each.setup(() => (onMysql ? truncateAfterEach() : undefined))
  // The built app runs in production, where managers must enrol a second factor: these
  // tests are about sessions, not sign-in, so the rule is off (it has its own tests).
  group.each.setup(async () => {
    if (onMysql) await Setting.change({ managers_two_factor_required: 0 })
  })

  test('a user logs in through one instance and keeps working through the other', async ({
    assert,
  }) => {
    const [first, second] = instances
    const manager = await createUser('manager')
    const visitor = new Visitor()
    const login = await visitor.submit(first.url, '/login', '/login', {
      email: manager.email,
      password: PASSWORD,
    })
    assert.equal(login.location, '/')
    const home = await visitor.request(second.url, '/')
    assert.equal(home.status, 200)
    assert.include(home.text, manager.fullName)
  })
    .skip(!onMysql, 'needs MySQL: the instances share one database server')
    .timeout(60000)

  test('logging out through one instance ends the session on the other (database, Redis)', async ({
    assert,
  }) => {
    for (const [first, second] of [instances.slice(0, 2), instances.slice(2, 4)]) {
      const manager = await createUser('manager')
      const browser = new Visitor()
      await browser.submit(first.url, '/login', '/login', {
        email: manager.email,
        password: PASSWORD,
      })
      const copy = new Visitor()
      copy.cookies = new Map(browser.cookies)
      const before = await copy.request(second.url, '/')
      assert.equal(before.status, 200)
      const logout = await browser.submit(second.url, '/', '/logout?_method=DELETE', {})
      assert.equal(logout.location, '/login')
      const after = await copy.request(first.url, '/')
      assert.equal(after.location, '/login')
    }
  })
    .skip(!onMysql, 'needs MySQL: the instances share one database server')
    .timeout(60000)

  test('the login throttle counts failures across both instances', async ({ assert }) => {
    const email = `throttle-${Date.now()}@example.test`
    const visitor = new Visitor()
    for (let attempt = 0; attempt < 5; attempt++) {
      const instance = instances[attempt % 2]
      await visitor.submit(instance.url, '/login', '/login', { email, password: 'wrong' })
      const page = await visitor.request(instance.url, '/login')
      assert.include(page.text, 'Adresse e-mail ou mot de passe incorrect.')
    }
    await visitor.submit(instances[1].url, '/login', '/login', { email, password: 'wrong' })
    const blocked = await visitor.request(instances[1].url, '/login')
    assert.include(blocked.text, 'Trop de tentatives de connexion échouées.')
  })
    .skip(!onMysql, 'needs MySQL: the instances share one database server')
    .timeout(60000)

  test('20 parallel bookings of one slot split across both: exactly one booking', async ({
    assert,
  }) => {
    const room = await createRoom({ capacity: 20 })
    const visitors = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const { tenant } = await hostedTenant('Concurrente')
        const visitor = new Visitor()
        const instance = instances[index % 2]
        await visitor.submit(instance.url, '/login', '/login', {
          email: tenant.email,
          password: PASSWORD,
        })
        const form = await visitor.request(instance.url, '/bookings/create')
        const token = /name=['"]_csrf['"] value=['"]([^'"]+)['"]/.exec(form.text)![1]
        return { visitor, instance, token }
      })
    )
    const responses = await Promise.all(
      visitors.map(({ visitor, instance, token }, index) =>
        visitor.request(instance.url, '/bookings', {
          _csrf: token,
          meetingRoomId: String(room.id),
          date: nextMonday(),
          startTime: index % 2 ? '10:00' : '10:30',
          endTime: '11:30',
          title: `Réunion ${index}`,
          attendees: '2',
        })
      )
    )
    const won = responses.filter((response) =>
      (response.location ?? '').startsWith(`/meeting-rooms/${room.id}`)
    )
    assert.lengthOf(won, 1)
    const bookings = await Booking.query().where('meeting_room_id', room.id)
    assert.lengthOf(bookings, 1)
  })
    .skip(!onMysql, 'needs MySQL: the instances share one database server')
    .timeout(120000)

  test('a page kept by one instance is made again there after a write through the other', async ({
    assert,
  }) => {
    const [first, second] = instances
    const room = await createRoom()
    const manager = await createUser('manager')
    const { tenant } = await hostedTenant('Voisine')
    const week = `/meeting-rooms/${room.id}?week=${nextMonday()}`
    const watcher = new Visitor()
    await watcher.submit(first.url, '/login', '/login', {
      email: manager.email,
      password: PASSWORD,
    })
    await watcher.request(first.url, week)
    const kept = await watcher.request(first.url, week)
    assert.equal(kept.pageCache, 'hit')

    const booker = new Visitor()
    await booker.submit(second.url, '/login', '/login', { email: tenant.email, password: PASSWORD })
    const booked = await booker.submit(second.url, week, '/bookings', {
      meetingRoomId: String(room.id),
      date: nextMonday(),
      startTime: '16:00',
      endTime: '17:00',
      title: 'Réservée par l’autre instance',
      attendees: '2',
    })
    assert.equal(booked.status, 302)

    const after = await watcher.request(first.url, week)
    assert.equal(after.pageCache, 'miss')
    assert.include(after.text, 'Réservée par l’autre instance')
  })
    .skip(!onMysql, 'needs MySQL: the instances share one database server')
    .timeout(60000)
})
