/*
|--------------------------------------------------------------------------
| SQL queries per request (benchmark only)
|--------------------------------------------------------------------------
|
| Imported by tests/bench/routes.ts when BENCH=true and COUNT_QUERIES=true:
| every answer carries an X-Sql-Queries header, the number of SQL queries run
| for it so far (config/database.ts has the connections emit "db:query", and
| the request is found through async local storage).
|
*/
import { HttpContext } from '@adonisjs/core/http'
import emitter from '@adonisjs/core/services/emitter'

const counts = new WeakMap<HttpContext, number>()
emitter.on('db:query', () => {
  const ctx = HttpContext.get()
  if (!ctx) return
  const count = (counts.get(ctx) ?? 0) + 1
  counts.set(ctx, count)
  if (!ctx.response.headersSent) ctx.response.header('X-Sql-Queries', String(count))
})
