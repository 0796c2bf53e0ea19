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
