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

/** Whether a unique key refused a second row. */
export function isDuplicate(error: unknown) {
  const code = (error as { code?: string } | null)?.code ?? ''
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT')
}

/**
 * Whether MySQL gave this transaction up (rolled back) to break a deadlock: another one
 * asked for the same rows at the same moment, and goes on with them.
 */
export function isDeadlock(error: unknown) {
  return (error as { code?: string } | null)?.code === 'ER_LOCK_DEADLOCK'
}
