/*
|--------------------------------------------------------------------------
| Health checks
|--------------------------------------------------------------------------
|
| The checks behind GET /health, kept for the life of the process so that the
| database check's answer is reused for a few seconds (a flood of /health calls
| costs the database one query per 5 s), and bound in the container so that
| tests can swap them for a broken database connection.
|
*/
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { BaseCheck, HealthChecks } from '@adonisjs/core/health'
import { DbCheck } from '@adonisjs/lucid/database'

/** The database check on the connection of the moment (the pool may be replaced meanwhile). */
class LiveDbCheck extends BaseCheck {
  name = 'Database health check'

  run() {
    return new DbCheck(db.connection()).run()
  }
}

app.container.singleton(HealthChecks, () =>
  new HealthChecks().register([new LiveDbCheck().cacheFor('5s')])
)
