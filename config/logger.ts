import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, targets } from '@adonisjs/core/logger'

/**
 * Application logs: pretty in development, JSON on stdout in production.
 */
const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'pepiniere',
      level: env.get('LOG_LEVEL'),
      /**
       * Never in a log line: passwords, cookies, the SQL of a database's error and its
       * values (the exception handler already logs database errors without them).
       */
      redact: {
        paths: [
          'password',
          '*.password',
          'err.sql',
          'err.bindings',
          'req.headers.cookie',
          'req.headers.authorization',
        ],
        censor: '[redacted]',
      },
      transport: {
        targets: targets()
          .pushIf(!app.inProduction, targets.pretty())
          .pushIf(app.inProduction, targets.file({ destination: 1 }))
          .toArray(),
      },
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
