import env from '#start/env'

/**
 * On MySQL, the test database is created when missing, so that a fresh
 * machine only needs a server and credentials.
 */
export async function createMysqlDatabaseIfMissing() {
  if (env.get('DB_CONNECTION') !== 'mysql') return
  const mysql = await import('mysql2/promise')
  const connection = await mysql.createConnection({
    host: env.get('DB_HOST', '127.0.0.1'),
    port: env.get('DB_PORT', 3306),
    user: env.get('DB_USER', 'root'),
    password: env.get('DB_PASSWORD', ''),
  })
  const name = env.get('DB_DATABASE', 'pepiniere')
  await connection.query(
    `CREATE DATABASE IF NOT EXISTS \`${name.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
  )
  await connection.end()
}

/** Runs an ace command in the test process, failing the test when it fails. */
async function runAce(name: string, args: string[]) {
  const { default: app } = await import('@adonisjs/core/services/app')
  const ace = await app.container.make('ace')
  const command = await ace.exec(name, args)
  if (command.exitCode) throw command.error ?? new Error(`"${name}" failed`)
}

/**
 * What testUtils.db().truncate() does (migrations up to date now, every table emptied
 * after the test) without MySQL's migration lock: GET_LOCK and RELEASE_LOCK may land
 * on two pooled connections after a test that filled the pool with parallel requests,
 * and one test process needs no lock against itself.
 */
export async function truncateAfterEach() {
  await runAce('migration:run', ['--compact-output', '--no-schema-generate', '--disable-locks'])
  return () => runAce('db:truncate', [])
}

/** Empties every table now (migrations up to date first), for groups that seed once. */
export async function truncateNow() {
  const clean = await truncateAfterEach()
  await clean()
}
