/*
|--------------------------------------------------------------------------
| The benchmark's routes (BENCH=true only)
|--------------------------------------------------------------------------
|
| Imported by the last line of start/routes.ts when the benchmark starts the
| server: the ceilings, a logged-in page and form that do no work, and the
| X-Sql-Queries header when COUNT_QUERIES=true as well.
|
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import env from '#start/env'

const CeilingsController = () => import('#tests/bench/ceilings_controller')

router
  .get('/bench/ceiling', [CeilingsController, 'show'])
  .as('bench.ceiling')
  .use(middleware.auth())
router
  .post('/bench/ceiling', [CeilingsController, 'store'])
  .as('bench.ceiling.store')
  .use(middleware.auth())

if (env.get('COUNT_QUERIES', false)) await import('#tests/bench/query_count')
