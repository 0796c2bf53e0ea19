/*
|--------------------------------------------------------------------------
| Environment variables service
|--------------------------------------------------------------------------
|
| Validates the environment variables the application needs at boot.
|
*/
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  APP_KEY: Env.schema.secret(),
  APP_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  HOST: Env.schema.string({ format: 'host' }),
  LOG_LEVEL: Env.schema.string(),
  TZ: Env.schema.string.optional(),
  /**
   * The reverse proxies whose X-Forwarded-* headers are believed (addresses or CIDRs,
   * comma separated; "loopback" for a proxy on the same machine). Empty: none.
   */
  TRUSTED_PROXIES: Env.schema.string.optional(),

  /*
  |----------------------------------------------------------
  | Database: SQLite by default, MySQL (mysql2) in production
  |----------------------------------------------------------
  */
  DB_CONNECTION: Env.schema.enum.optional(['sqlite', 'mysql'] as const),
  SQLITE_FILE: Env.schema.string.optional(),
  DB_HOST: Env.schema.string.optional({ format: 'host' }),
  DB_PORT: Env.schema.number.optional(),
  DB_USER: Env.schema.string.optional(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string.optional(),

  /*
  |----------------------------------------------------------
  | Demo data: demo accounts are never seeded in production
  | unless this is "true"
  |----------------------------------------------------------
  */
  SEED_DEMO_ACCOUNTS: Env.schema.boolean.optional(),

  /*
  |----------------------------------------------------------
  | Sessions, kept on the server: "database" (default), "redis"
  | for a Redis shared by the instances, "memory" in tests
  |----------------------------------------------------------
  */
  SESSION_DRIVER: Env.schema.enum.optional(['database', 'redis', 'memory'] as const),

  /*
  |----------------------------------------------------------
  | Variables for configuring the limiter package
  |----------------------------------------------------------
  */
  LIMITER_STORE: Env.schema.enum(['database', 'memory', 'redis'] as const),

  /*
  |----------------------------------------------------------
  | Mail: "recording" (default: rendered and kept in memory and
  | in tmp/mails/, never delivered) or "smtp" in production
  |----------------------------------------------------------
  */
  MAIL_MAILER: Env.schema.enum.optional(['smtp', 'recording'] as const),
  MAIL_FROM_NAME: Env.schema.string.optional(),
  MAIL_FROM_ADDRESS: Env.schema.string.optional({ format: 'email' }),
  SMTP_HOST: Env.schema.string.optional({ format: 'host' }),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_SECURE: Env.schema.boolean.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),
  /** Who sends the outbox's emails: the web process ("web", default) or `node ace emails:deliver --watch` ("worker"). */
  EMAIL_DELIVERY: Env.schema.enum.optional(['web', 'worker'] as const),

  /**
   * Redis, shared by several app instances (the rate limiter with LIMITER_STORE=redis);
   * connected only when something uses it.
   */
  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.secret.optional(),

  /**
   * The page cache (PageCacheMiddleware): on in production and tests, off in development,
   * unless PAGE_CACHE says otherwise; PAGE_CACHE_MB is the memory it may use in each app
   * process (64 by default).
   */
  PAGE_CACHE: Env.schema.boolean.optional(),

  /** A secret that a monitoring tool sends (Authorization: Bearer …) to get /health's details. */
  HEALTH_TOKEN: Env.schema.secret.optional(),
  PAGE_CACHE_MB: Env.schema.number.optional(),

  /**
   * The benchmark (`npm run bench`): BENCH=true adds its routes (tests/bench/routes.ts: the
   * ceiling, which goes through the middleware of a logged-in page and does nothing else);
   * with it, COUNT_QUERIES=true adds an X-Sql-Queries header to every answer. Both off in
   * production.
   */
  BENCH: Env.schema.boolean.optional(),
  COUNT_QUERIES: Env.schema.boolean.optional(),
})
