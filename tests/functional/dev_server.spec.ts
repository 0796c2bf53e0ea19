import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { runNode } from '#tests/support/instances'
import { isDevAsset } from '#middleware/dev_assets_middleware'

/**
 * Files of the project that must never be served, by their path under the project's root,
 * as a browser or an attacker would write it (dot segments, encoded, through Vite's /@fs/).
 */
function projectFiles(sqliteFile: string) {
  const root = app.makePath()
  return [
    `/tmp/${sqliteFile}`,
    `/tmp/${sqliteFile}?import`,
    `/tmp/${sqliteFile}?raw`,
    `/@fs${root}/tmp/${sqliteFile}`,
    '/.env',
    '/.env.example',
    '/.env.test',
    '/package.json',
    '/adonisrc.ts',
    '/app/models/user.ts',
    '/app/models/user.ts?import',
    '/config/app.ts',
    '/start/env.ts',
    '/database/schema.ts',
    '/storage/rooms/room-1.jpg',
    '/tmp/mails/index.json',
    '/resources/views/components/layout.edge',
    '/resources/lang/fr/auth.json',
    '/resources/css/../../.env',
    '/resources/css/%2e%2e/%2e%2e/.env',
    '/resources/css/..%2f..%2f.env',
    '/node_modules/../package.json',
    '/node_modules/.vite/deps/../../../.env',
    '/@id/../.env',
    '/.git/config',
  ]
}

/** Asks for each project file and returns those answered with anything but a 404. */
async function exposed(base: string, paths: string[]) {
  const answers = await Promise.all(
    paths.map(async (path) => {
      const response = await fetch(`${base}${path}`, { redirect: 'manual' })
      await response.arrayBuffer()
      return { path, status: response.status }
    })
  )
  return answers.filter((answer) => answer.status !== 404)
}

test.group('Development server: only the assets are served', () => {
  test('Vite answers its assets only', ({ assert }) => {
    for (const path of [
      '/@vite/client',
      '/resources/css/app.css',
      '/resources/js/dashboard.js',
      '/node_modules/.vite/deps/chart__js.js',
      '/node_modules/vite/dist/client/env.mjs',
    ]) {
      assert.isTrue(isDevAsset(path), path)
    }
    for (const path of projectFiles('db.sqlite3')) assert.isFalse(isDevAsset(path), path)
  })

  test('the test server (Vite in development mode) serves no project file', async ({ assert }) => {
    const base = `http://${process.env.HOST}:${process.env.PORT}`
    assert.deepEqual(await exposed(base, projectFiles('test.sqlite3')), [])
    const css = await fetch(`${base}/resources/css/app.css`)
    assert.equal(css.status, 200)
  })

  test('`node ace serve` (npm run dev) serves the assets and no project file', async ({
    assert,
    cleanup,
  }) => {
    const sqliteFile = 'dev-server-test.sqlite3'
    const port = 3000 + Math.floor(Math.random() * 1000) + 20000
    const env = {
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_KEY: 'dev-server-test-key-0123456789abcdef',
      LOG_LEVEL: 'warn',
      SESSION_DRIVER: 'memory',
      LIMITER_STORE: 'memory',
      DB_CONNECTION: 'sqlite',
      SQLITE_FILE: sqliteFile,
      MAIL_MAILER: 'recording',
      VITE_HMR_PORT: String(port + 1),
    }
    cleanup(() => rm(app.tmpPath(sqliteFile), { force: true }))
    await runNode(app.makePath(), ['ace', 'migration:run', '--no-schema-generate'], env)
    const child = spawn(process.execPath, ['ace', 'serve', '--hmr'], {
      cwd: app.makePath(),
      env: { ...process.env, ...env },
      detached: true,
    })
    const output: string[] = []
    child.stdout?.on('data', (chunk) => output.push(String(chunk)))
    child.stderr?.on('data', (chunk) => output.push(String(chunk)))
    cleanup(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {}
    })

    const base = `http://127.0.0.1:${port}`
    let login: Response | null = null
    for (let attempt = 0; attempt < 120 && !login; attempt++) {
      try {
        const response = await fetch(`${base}/login`)
        if (response.status === 200) login = response
      } catch {}
      if (!login) await new Promise((resolve) => setTimeout(resolve, 250))
    }
    assert.isNotNull(login, `the development server did not start:\n${output.join('')}`)
    const page = await login!.text()
    assert.include(page, '/@vite/client')
    assert.include(page, '/resources/css/app.css')
    for (const asset of ['/@vite/client', '/resources/css/app.css']) {
      const response = await fetch(`${base}${asset}`)
      assert.equal(response.status, 200, asset)
    }
    assert.deepEqual(await exposed(base, projectFiles(sqliteFile)), [])
  }).timeout(60_000)
})
