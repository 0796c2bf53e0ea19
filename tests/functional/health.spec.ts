import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { HealthChecks } from '@adonisjs/core/health'
import { DbCheck } from '@adonisjs/lucid/database'

test.group('GET /health', () => {
  test('answers 200 with a live database check', async ({ client, assert }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    const report = response.body()
    assert.isTrue(report.isHealthy)
    const check = report.checks.find((entry: { name: string }) => entry.name.includes('Database'))
    assert.exists(check, 'the report includes the database check')
    assert.equal(check.status, 'ok')
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
    const report = response.body()
    assert.isFalse(report.isHealthy)
    assert.equal(report.checks[0].status, 'error')
  })
})
