/*
|--------------------------------------------------------------------------
| Health checks
|--------------------------------------------------------------------------
|
| The checks behind GET /health, built per request (so they always use the
| live connection) and bound in the container so that tests can swap them
| for a broken database connection.
|
*/
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { HealthChecks } from '@adonisjs/core/health'
import { DbCheck } from '@adonisjs/lucid/database'

app.container.bind(HealthChecks, () => new HealthChecks().register([new DbCheck(db.connection())]))
