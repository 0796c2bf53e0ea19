/** Error codes of a database that cannot be reached (refused, reset, timed out, lost). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
])

/**
 * Whether an error means the database is out of reach (rather than a bug or a refused
 * query): the request gets a 503 "try again shortly" and the app keeps running; the
 * connection pool reconnects by itself when the database is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const { code, name, fatal, errors } = error as {
    code?: string
    name?: string
    fatal?: boolean
    errors?: unknown[]
  }
  if (code && UNREACHABLE_CODES.has(code)) return true
  if (name === 'KnexTimeoutError') return true
  if (fatal === true) return true
  // Node reports a refused connection to every address of a host as an AggregateError.
  return Array.isArray(errors) && errors.some(isDatabaseUnavailable)
}
