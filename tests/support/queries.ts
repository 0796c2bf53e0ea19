import emitter from '@adonisjs/core/services/emitter'

/**
 * Counts the SQL queries run while the callback runs (the test connections emit
 * "db:query" for each), so that tests can prove a page's cost is bounded.
 */
export async function countQueries(callback: () => Promise<unknown>) {
  let queries = 0
  const listener = () => {
    queries += 1
  }
  emitter.on('db:query', listener)
  try {
    await callback()
  } finally {
    emitter.off('db:query', listener)
  }
  return queries
}
