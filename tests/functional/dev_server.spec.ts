import { test } from '@japa/runner'
import { spawn, type ChildProcess } from 'node:child_process'
import { rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { runNode, Visitor } from '#tests/support/instances'
import { PASSWORD } from '#tests/support/fixtures'
import { visibleText } from '#tests/support/html'
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
})

/**
 * `node ace serve` (what `npm run dev` starts), on its own SQLite file, with its default
 * stores: sessions in the database (as in production), Vite in development mode.
 */
test.group('Development server: `node ace serve`, sessions in the database', (group) => {
  const sqliteFile = 'dev-server-test.sqlite3'
  const port = Number(process.env.PORT) + 37
  const base = `http://127.0.0.1:${port}`
  const env = {
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_KEY: 'dev-server-test-key-0123456789abcdef',
    LOG_LEVEL: 'warn',
    SESSION_DRIVER: 'database',
    LIMITER_STORE: 'memory',
    DB_CONNECTION: 'sqlite',
    SQLITE_FILE: sqliteFile,
    MAIL_MAILER: 'recording',
    VITE_HMR_PORT: String(port + 1),
  }
  let child: ChildProcess | null = null
  const output: string[] = []
  let manager: { email: string; id: number }

  group.setup(async () => {
    await rm(app.tmpPath(sqliteFile), { force: true })
    await runNode(app.makePath(), ['ace', 'migration:run', '--no-schema-generate'], env)
    db.manager.add('dev_server', {
      client: 'better-sqlite3',
      connection: { filename: app.tmpPath(sqliteFile) },
      useNullAsDefault: true,
    })
    const [id] = await db
      .connection('dev_server')
      .table('users')
      .insert({
        full_name: 'Gestionnaire du serveur',
        email: 'gestion@dev-server.test',
        password: await hash.make(PASSWORD),
        role: 'manager',
        locale: 'fr',
        created_at: new Date().toISOString(),
      })
    manager = { email: 'gestion@dev-server.test', id: Number(id) }
    child = spawn(process.execPath, ['ace', 'serve', '--hmr'], {
      cwd: app.makePath(),
      env: { ...process.env, ...env },
      detached: true,
    })
    child.stdout?.on('data', (chunk) => output.push(String(chunk)))
    child.stderr?.on('data', (chunk) => output.push(String(chunk)))
    for (let attempt = 0; attempt < 160; attempt++) {
      try {
        const response = await fetch(`${base}/login`)
        if (response.status === 200) return
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    throw new Error(`the development server did not start:\n${output.join('')}`)
  })
  group.teardown(async () => {
    try {
      if (child?.pid) process.kill(-child.pid, 'SIGKILL')
    } catch {}
    await db.manager.close('dev_server')
    db.manager.release('dev_server')
    await rm(app.tmpPath(sqliteFile), { force: true })
  })

  test('it serves the assets and no project file', async ({ assert }) => {
    const login = await fetch(`${base}/login`)
    const page = await login.text()
    assert.include(page, '/@vite/client')
    assert.include(page, '/resources/css/app.css')
    for (const asset of ['/@vite/client', '/resources/css/app.css']) {
      const response = await fetch(`${base}${asset}`)
      assert.equal(response.status, 200, asset)
    }
    assert.deepEqual(await exposed(base, projectFiles(sqliteFile)), [])
  }).timeout(60_000)

  test('a session is a row of the sessions table; logging out deletes it', async ({ assert }) => {
    const browser = new Visitor()
    const login = await browser.submit(base, '/login', '/login', {
      email: manager.email,
      password: PASSWORD,
    })
    assert.equal(login.location, '/')
    const rows = await db
      .connection('dev_server')
      .from('sessions')
      .where('user_id', String(manager.id))
    assert.lengthOf(rows, 1)
    assert.notInclude(String(rows[0].data), PASSWORD)
    const copy = new Visitor()
    copy.cookies = new Map(browser.cookies)
    const before = await copy.request(base, '/')
    assert.equal(before.status, 200)

    await browser.submit(base, '/', '/logout?_method=DELETE', {})
    const left = await db
      .connection('dev_server')
      .from('sessions')
      .where('user_id', String(manager.id))
    assert.lengthOf(left, 0)
    const replayed = await copy.request(base, '/')
    assert.equal(replayed.location, '/login')
  }).timeout(30_000)

  test("a session's expiry is renewed every five minutes, not at each request", async ({
    assert,
  }) => {
    const browser = new Visitor()
    await browser.submit(base, '/login', '/login', { email: manager.email, password: PASSWORD })
    const sessions = () =>
      db.connection('dev_server').from('sessions').where('user_id', String(manager.id))
    const [first] = await sessions()
    for (let index = 0; index < 3; index++) await browser.request(base, '/')
    const [unchanged] = await sessions()
    assert.equal(String(unchanged.expires_at), String(first.expires_at))

    // Last renewed six minutes ago: renewed now.
    const older = new Date(Date.now() + 2 * 3_600_000 - 6 * 60_000)
    await sessions().update({ expires_at: older })
    await browser.request(base, '/')
    const [renewed] = await sessions()
    assert.isAbove(new Date(renewed.expires_at).getTime(), older.getTime() + 5 * 60_000)

    // Expired: the session is gone, the person is sent to the login page.
    await sessions().update({ expires_at: new Date(Date.now() - 1000) })
    const home = await browser.request(base, '/')
    assert.equal(home.location, '/login')
  }).timeout(30_000)

  test('a form with 5,000 characters and an error comes back with both', async ({ assert }) => {
    const browser = new Visitor()
    await browser.submit(base, '/login', '/login', { email: manager.email, password: PASSWORD })
    const notes = 'Procès-verbal : « très long » '.repeat(200).slice(0, 5000)
    const sent = await browser.submit(base, '/companies/create', '/companies', {
      name: 'Société au long dossier',
      sector: 'software',
      siret: '1234567890123',
      notes,
    })
    assert.equal(sent.location, '/companies/create')
    const form = await browser.request(base, '/companies/create')
    const kept = /<textarea[^>]*name="notes"[^>]*>([\s\S]*?)<\/textarea>/.exec(form.text)?.[1]
    assert.equal(
      kept
        ?.replace(/&#x27;|&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
      notes
    )
    const text = visibleText(form.text)
    assert.include(form.text, 'value="Société au long dossier"')
    assert.include(text, 'Un SIRET compte 14 chiffres')
    assert.include(form.text, 'aria-invalid="true"')
  }).timeout(30_000)
})
