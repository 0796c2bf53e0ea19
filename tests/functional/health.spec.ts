import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { HealthChecks } from '@adonisjs/core/health'
import { DbCheck } from '@adonisjs/lucid/database'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import { createUser } from '#tests/support/fixtures'
import { countQueries } from '#tests/support/queries'

/** Checks that never reuse an answer, so that each test sees the database as it is. */
function freshChecks() {
  app.container.swap(HealthChecks, () =>
    new HealthChecks().register([new DbCheck(db.connection())])
  )
  return () => app.container.restore(HealthChecks)
}

test.group('GET /health', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('anyone gets the status only: no pid, version, platform nor uptime', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    assert.deepEqual(response.body(), { status: 'ok' })
    for (const secret of ['pid', 'version', 'platform', 'uptime', process.version]) {
      assert.notInclude(response.text(), secret)
    }
    response.assertHeader('cache-control', 'no-store')
  })

  test('a manager, or a monitoring tool with the token, gets the checks', async ({
    client,
    assert,
    cleanup,
  }) => {
    cleanup(freshChecks())
    const manager = await createUser('manager')
    const forManager = await client.get('/health').loginAs(manager)
    forManager.assertStatus(200)
    assert.isTrue(forManager.body().isHealthy)
    const check = forManager
      .body()
      .checks.find((entry: { name: string }) => entry.name.includes('Database'))
    assert.equal(check.status, 'ok')

    const tenant = await createUser('tenant')
    const forTenant = await client.get('/health').loginAs(tenant)
    assert.deepEqual(forTenant.body(), { status: 'ok' })

    const original = process.env.HEALTH_TOKEN
    env.set('HEALTH_TOKEN', 'monitoring-secret-123')
    cleanup(() => env.set('HEALTH_TOKEN', original ?? ''))
    const withToken = await client
      .get('/health')
      .header('authorization', 'Bearer monitoring-secret-123')
    assert.isTrue(withToken.body().isHealthy)
    const wrongToken = await client
      .get('/health')
      .header('authorization', 'Bearer monitoring-secret-124')
    assert.deepEqual(wrongToken.body(), { status: 'ok' })
  })

  test("the database check's answer is reused for a few seconds", async ({ client, assert }) => {
    await client.get('/health')
    const queries = await countQueries(async () => {
      for (let index = 0; index < 20; index++) await client.get('/health')
    })
    assert.equal(queries, 0)
  })

  test('answers 503 when the database cannot be reached', async ({ client, assert, cleanup }) => {
    db.manager.add('unreachable', {
      client: 'mysql2',
      connection: { host: '127.0.0.1', port: 9, user: 'nobody', database: 'nothing' },
      pool: { min: 0, max: 1, acquireTimeoutMillis: 2000 },
    })
    app.container.swap(HealthChecks, () =>
      new HealthChecks().register([new DbCheck(db.connection('unreachable'))])
    )
    cleanup(async () => {
      app.container.restore(HealthChecks)
      await db.manager.close('unreachable')
      db.manager.release('unreachable')
    })

    const response = await client.get('/health')
    response.assertStatus(503)
    assert.deepEqual(response.body(), { status: 'error' })
  })
})
