import { DomainError } from '#exceptions/domain_error'

/**
 * A company's monthly quota of meeting room time (DOMAIN.md): its people book at most so
 * many minutes per Paris calendar month; managers may book beyond it.
 */

/** Whether a person's bookings count against the quota: managers may go beyond it. */
export function quotaBinds(person: { isManager: boolean }) {
  return !person.isManager
}

/** The minutes left in a month. */
export function minutesLeft(quotaMinutes: number, bookedMinutes: number) {
  return Math.max(0, quotaMinutes - bookedMinutes)
}

/** Refuses minutes asked beyond what is left of the month's quota. */
export function assertWithinQuota(quotaMinutes: number, bookedMinutes: number, asked: number) {
  if (bookedMinutes + asked > quotaMinutes) {
    throw new DomainError('bookings.errors.over_quota', 'endTime', {
      quota: quotaMinutes / 60,
      left: minutesLeft(quotaMinutes, bookedMinutes) / 60,
    })
  }
}
