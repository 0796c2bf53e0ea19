import type { DateTime } from 'luxon'
import { DomainError } from '#exceptions/domain_error'

/**
 * The maximum stay (DOMAIN.md): a company stays at most so many months (a setting, 48 by
 * default) counted from the day it entered the incubator (Company#entryWith).
 */

/** The last day a company may stay, given the day it entered and the cap in months. */
export function maxStayEndsOn(enteredOn: DateTime, maxStayMonths: number) {
  return enteredOn.plus({ months: maxStayMonths }).minus({ days: 1 })
}

/** Refuses an agreement's end beyond the last day of the stay. */
export function assertWithinStay(endsOn: DateTime, limit: { months: number; limit: DateTime }) {
  if (endsOn > limit.limit) {
    throw new DomainError('agreements.errors.beyond_max_stay', 'endsOn', limit)
  }
}
