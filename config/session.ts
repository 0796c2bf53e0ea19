import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'
import { touchedEvery } from '#helpers/session_store'

/**
 * Sessions are kept on the server, the cookie holding only their id: in the database by
 * default (nothing more to run, shared by every instance through MySQL), or in Redis
 * (SESSION_DRIVER=redis); the tests use the framework's memory store. A session ends
 * after 2 hours without a request, and 12 hours after its login whatever happens
 * (the auth middleware, app/helpers/account_sessions.ts).
 */
const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'pepiniere_session',

  /** The session's cookie outlives the browser window, not the session's own age. */
  clearWithBrowser: false,

  /** Idle time after which a session ends. */
  age: '2h',

  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },

  store: env.get('SESSION_DRIVER', 'database'),

  stores: {
    /**
     * Table "sessions"; expired rows are swept on 2 % of the requests; a session's expiry
     * is renewed every 5 minutes, not at each request.
     */
    database: touchedEvery(
      5,
      'sessions',
      stores.database({ tableName: 'sessions', gcProbability: 2 })
    ),
    /** The Redis of config/redis.ts. */
    redis: stores.redis({ connection: 'main' }),
  },
})

export default sessionConfig
