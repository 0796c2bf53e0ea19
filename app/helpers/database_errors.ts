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

/** What a database refused, and the form field it concerns when the request holds one. */
export type BrokenConstraint = {
  kind: 'duplicate' | 'out_of_range' | 'too_long'
  field: string | null
}

/**
 * The database driver's own message, without the SQL and values knex writes before it
 * ("<the SQL with its values> - <the driver's message>").
 */
function driverMessage(error: object) {
  const { sqlMessage, message } = error as { sqlMessage?: string; message?: string }
  return (
    sqlMessage ??
    String(message ?? '')
      .split(' - ')
      .at(-1) ??
    ''
  )
}

/** "depositCents" → "deposit_cents". */
function snake(field: string) {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
}

/**
 * Whether a write was refused by a rule the database holds: a unique key (two requests
 * creating the same email, SIRET or cell code at once, where the validator's check came
 * too early for the second), a number out of its column's range or a text too long for
 * its column (MySQL; the validators bound both first). The field is the form's field for
 * the column, when the request sent one ("deposit" for deposit_cents).
 */
export function constraintBroken(
  error: unknown,
  input: Record<string, unknown>
): BrokenConstraint | null {
  if (!error || typeof error !== 'object') return null
  const { code } = error as { code?: string }
  const text = driverMessage(error)
  let kind: BrokenConstraint['kind']
  // The columns named: SQLite "UNIQUE constraint failed: users.email"; MySQL "Duplicate
  // entry 'x' for key 'users_email_unique'", "Out of range value for column 'deposit_cents'".
  let names: string
  if (isDuplicate(error) && /UNIQUE|Duplicate entry/i.test(text)) {
    kind = 'duplicate'
    names =
      /UNIQUE constraint failed: (.+)$/.exec(text)?.[1] ?? /for key '([^']+)'/.exec(text)?.[1] ?? ''
  } else if (code === 'ER_WARN_DATA_OUT_OF_RANGE' || code === 'ER_DATA_OUT_OF_RANGE') {
    kind = 'out_of_range'
    names = /column '(\w+)'/.exec(text)?.[1] ?? ''
  } else if (code === 'ER_DATA_TOO_LONG') {
    kind = 'too_long'
    names = /column '(\w+)'/.exec(text)?.[1] ?? ''
  } else {
    return null
  }
  const columns = names.split(/[^a-z0-9]+/i).filter(Boolean)
  const field =
    Object.keys(input).find((name) => {
      const column = snake(name)
      return [column, `${column}_cents`, `${column}_minutes`].some((candidate) =>
        /_unique$/.test(names)
          ? names.endsWith(`_${candidate}_unique`)
          : columns.includes(candidate)
      )
    }) ?? null
  return { kind, field }
}

/**
 * A database's error as it may be logged: its code and the driver's own message, without
 * the SQL and its values that knex and mysql2 add (a password hash, a calendar token, a
 * person's details). Other errors are returned as they are.
 */
export function redactedDatabaseError(error: unknown) {
  if (!error || typeof error !== 'object') return error
  const { code, errno, sqlState, sqlMessage, sql, name, stack } = error as {
    code?: string
    errno?: number
    sqlState?: string
    sqlMessage?: string
    sql?: string
    name?: string
    stack?: string
  }
  const fromDatabase =
    sql !== undefined ||
    sqlMessage !== undefined ||
    (typeof code === 'string' && /^(ER_|SQLITE_)/.test(code))
  if (!fromDatabase) return error
  const text = driverMessage(error)
  const redacted = new Error(text) as Error & Record<string, unknown>
  redacted.name = name ?? 'DatabaseError'
  Object.assign(redacted, { code, errno, sqlState })
  redacted.stack = `${redacted.name}: ${text}\n${String(stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n')}`
  return redacted
}
