import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { MysqlConfig } from '@adonisjs/lucid/types/database'
import { createUser } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
import { TcpProxy } from '#tests/support/tcp_proxy'
import { truncateAfterEach } from '#tests/support/database'

/**
 * The database goes away and comes back while the app runs: requests get a French
 * 503 page (or 503 JSON on /health) within seconds, nothing crashes, and service
 * resumes by itself, with no restart. MySQL only: the app reaches MariaDB through a
 * proxy that the test cuts and restores.
 */
test.group('Faults: the database goes away and comes back', (group) => {
  group.each.setup(() => truncateAfterEach())

  test('503 while it is away, service back by itself when it returns', async ({
    client,
    assert,
  }) => {
    const manager = await createUser('manager')
    const name = db.primaryConnectionName
    const original = db.manager.get(name)!.config
    const connection = original.connection as { host?: string; port?: number }
    const proxy = new TcpProxy(connection.host ?? '127.0.0.1', connection.port ?? 3306)
    await proxy.start()
    db.manager.patch(name, {
      ...(original as MysqlConfig),
      connection: { ...connection, port: proxy.port },
    })
    try {
      const healthy = await client.get('/health')
      healthy.assertStatus(200)
      const home = await client.get('/').loginAs(manager)
      home.assertStatus(200)

      await proxy.cut()
      const started = Date.now()
      // /health reuses the database's answer for 5 s: the outage shows within that.
      let health = await client.get('/health')
      while (health.status() === 200 && Date.now() - started < 8000) {
        await new Promise((resolve) => setTimeout(resolve, 250))
        health = await client.get('/health')
      }
      health.assertStatus(503)
      assert.deepEqual(health.body(), { status: 'error' })
      const page = await client.get('/').loginAs(manager).header('accept', 'text/html')
      page.assertStatus(503)
      assert.include(visibleText(page.text()), 'Service momentanément indisponible')
      assert.equal(page.header('retry-after'), '30')
      assert.isBelow(Date.now() - started, 20000)

      await proxy.start()
      let back = await client.get('/health')
      for (let attempt = 0; attempt < 40 && back.status() !== 200; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 250))
        back = await client.get('/health')
      }
      back.assertStatus(200)
      const again = await client.get('/').loginAs(manager)
      again.assertStatus(200)
    } finally {
      db.manager.patch(name, original)
      await proxy.cut()
    }
  })
    .skip(
      process.env.DB_CONNECTION !== 'mysql',
      'needs MySQL: SQLite is a file, it does not go away'
    )
    .timeout(60000)
})
