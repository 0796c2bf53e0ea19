import emitter from '@adonisjs/core/services/emitter'
import { pageCache } from '#middleware/page_cache_middleware'

/**
 * Counts the SQL queries run while the callback runs (the test connections emit
 * "db:query" for each), so that tests can prove a page's cost is bounded. The page cache
 * is emptied first: what is counted is the making of the page.
 */
export async function countQueries(callback: () => Promise<unknown>) {
  pageCache.clear()
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
