import { DateTime } from 'luxon'
import { LOCAL_ZONE } from '#domain/local_zone'

/** A span of calendar days, both ends included. */
export type Period = { startsOn: DateTime; endsOn: DateTime }

/** Reads a calendar date (YYYY-MM-DD) as a day in UTC, so that it never shifts. */
export function day(value: string) {
  return DateTime.fromISO(value, { zone: 'utc' }).startOf('day')
}

/**
 * The years an incubator's own dates fall in (agreements, bookings, declarations, goals,
 * the days a page is asked for): a day outside is a typing error or a probe, and a far one
 * would make a page compute every quarter or month up to it.
 */
export const INCUBATOR_YEARS = { min: 2000, max: 2100 } as const

/** The years a company's founding date may fall in. */
export const FOUNDING_YEARS = { min: 1900, max: INCUBATOR_YEARS.max } as const

/** Whether a day falls within a span of years, both included. */
export function withinYears(date: DateTime, years: { min: number; max: number }) {
  return date.year >= years.min && date.year <= years.max
}

/**
 * A day typed as YYYY-MM-DD (a query parameter...), or null when it is not a real one
 * or falls outside the incubator's years.
 */
export function parseDay(value: unknown) {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
  const parsed = day(value)
  return parsed.isValid && withinYears(parsed, INCUBATOR_YEARS) ? parsed : null
}

/** The first day of a month typed as YYYY-MM, or null when it is not a real one. */
export function parseMonth(value: unknown) {
  return typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) ? parseDay(`${value}-01`) : null
}

/** Today as a calendar day in Europe/Paris, where the incubator is. */
export function today() {
  const paris = DateTime.now().setZone(LOCAL_ZONE)
  return DateTime.utc(paris.year, paris.month, paris.day)
}

/** Whether two periods share at least one day. */
export function overlaps(a: Period, b: Period) {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn
}

/** The number of days in a period, both ends included. */
export function lengthInDays(period: Period) {
  return Math.round(period.endsOn.diff(period.startsOn, 'days').days) + 1
}

/** The part of a period that falls in another, or null. */
export function intersection(a: Period, b: Period): Period | null {
  if (!overlaps(a, b)) return null
  return {
    startsOn: a.startsOn > b.startsOn ? a.startsOn : b.startsOn,
    endsOn: a.endsOn < b.endsOn ? a.endsOn : b.endsOn,
  }
}

/** The calendar month containing a day, as a period. */
export function monthOf(date: DateTime): Period {
  return { startsOn: date.startOf('month'), endsOn: date.endOf('month').startOf('day') }
}

/** The day itself if it falls in the period, else the nearest end of the period. */
export function clampToPeriod(date: DateTime, period: Period) {
  if (date < period.startsOn) return period.startsOn
  if (date > period.endsOn) return period.endsOn
  return date
}
