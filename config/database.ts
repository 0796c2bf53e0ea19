import { mkdirSync } from 'node:fs'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'

/** The SQLite file lives in tmp/, which a fresh clone does not have yet. */
mkdirSync(app.tmpPath(), { recursive: true })

/**
 * SQLite (embedded, zero setup) by default; MySQL through mysql2 in production.
 * The generated model schemas (database/schema.ts) come from the SQLite connection
 * only, so that running migrations on MySQL never rewrites committed sources.
 * In tests (and for the benchmark's COUNT_QUERIES), every query emits "db:query" so that
 * they can be counted (no N+1).
 */
const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION', 'sqlite'),
  connections: {
    sqlite: {
      client: 'better-sqlite3',
      connection: {
        filename: app.tmpPath(env.get('SQLITE_FILE', app.inTest ? 'test.sqlite3' : 'db.sqlite3')),
      },
      useNullAsDefault: true,
      debug: app.inTest || env.get('COUNT_QUERIES', false),
      migrations: {
        naturalSort: true,
        paths: ['database/migrations'],
      },
      schemaGeneration: {
        enabled: !app.inProduction,
        excludeTables: ['rate_limits', 'sessions'],
        rulesPaths: ['./database/schema_rules.js'],
      },
    },
    mysql: {
      client: 'mysql2',
      connection: {
        host: env.get('DB_HOST', '127.0.0.1'),
        port: env.get('DB_PORT', 3306),
        user: env.get('DB_USER', 'root'),
        password: env.get('DB_PASSWORD', ''),
        database: env.get('DB_DATABASE', 'pepiniere'),
        timezone: 'Z',
        dateStrings: false,
        charset: 'utf8mb4',
      },
      pool: {
        // A database out of reach answers in seconds (a 503), not after a minute.
        min: 0,
        max: 10,
        acquireTimeoutMillis: 10000,
        propagateCreateError: true,
        /**
         * READ COMMITTED on every connection. The invariants are held by locking a parent
         * row (the company for its quota, the cells for their agreements) and then reading
         * its children; under InnoDB's default REPEATABLE READ, that read would see the
         * snapshot of the transaction's first read, taken before the lock was granted, and
         * miss what the lock's previous holder committed (ten parallel bookings of one
         * company went past its quota).
         */
        afterCreate: (connection: any, done: (error: Error | null, connection: any) => void) => {
          connection.query(
            'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED',
            (error: Error | null) => done(error, connection)
          )
        },
      },
      debug: app.inTest || env.get('COUNT_QUERIES', false),
      migrations: {
        naturalSort: true,
        paths: ['database/migrations'],
      },
      schemaGeneration: {
        enabled: false,
      },
    },
  },
})

export default dbConfig
