import type { DateTime } from 'luxon'

/**
 * An instant as the bookings' DATETIME columns hold it (UTC, to the second, no
 * fraction), so that comparisons match on SQLite (text) as on MySQL.
 */
export function sqlDateTime(instant: DateTime) {
  return instant.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')
}

/**
 * A DATE column as YYYY-MM-DD, whichever way the driver returns it: MySQL a Date at
 * midnight UTC, SQLite text.
 */
export function columnDay(value: Date | string) {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)
}
