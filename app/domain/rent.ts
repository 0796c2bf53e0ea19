import type { DateTime } from 'luxon'
import { intersection, lengthInDays, monthOf, type Period } from '#domain/periods'

/**
 * Progressive rent: a price per m² per month for each year of stay (year 1,
 * year 2, year 3 and after), counted from the company's entry into the incubator.
 */

/** The year of stay a day falls in (1 for the first twelve months after entry). */
export function yearOfStay(enteredOn: DateTime, date: DateTime) {
  const months = Math.floor(date.diff(enteredOn, 'months').months)
  return Math.floor(Math.max(0, months) / 12) + 1
}

/** The price per m² per month, in cents, for a year of stay; the last step applies thereafter. */
export function stepPriceFor(steps: number[], year: number) {
  return steps[Math.min(year, steps.length) - 1]
}

/** The rent of a whole month, in cents: area × step price. */
export function monthlyRentCents(areaSqm: number, stepCents: number) {
  return Math.round(areaSqm * stepCents)
}

/** Steps must exist, be positive, and never go down (the rent is progressive). */
export function stepsAreProgressive(steps: number[]) {
  return (
    steps.length > 0 &&
    steps.every((step) => Number.isInteger(step) && step > 0) &&
    steps.every((step, index) => index === 0 || step >= steps[index - 1])
  )
}

/** What an agreement owes for one calendar month. */
export type MonthlyRent = {
  /** Days of the month the agreement covers. */
  days: number
  /** Days in the month. */
  daysInMonth: number
  /** The step price that applies (the latest one in the month if it changes). */
  stepCents: number
  /** The rent, prorated by day for a partial month. */
  rentCents: number
}

/**
 * The rent due for a month: each day costs the monthly rent of its year-of-stay
 * step divided by the days of the month (a full month costs exactly area × step).
 */
export function rentForMonth(
  agreement: Period & { areaSqm: number; steps: number[]; enteredOn: DateTime },
  anyDayOfMonth: DateTime
): MonthlyRent | null {
  const month = monthOf(anyDayOfMonth)
  const covered = intersection(agreement, month)
  if (!covered) return null

  const daysInMonth = lengthInDays(month)
  const days = lengthInDays(covered)
  // A month holds at most one anniversary of the entry: the days before it are at the
  // first year's step, the rest at the next one (found by bisection: the year never
  // goes down), rather than working out the year of stay of every day.
  const firstYear = yearOfStay(agreement.enteredOn, covered.startsOn)
  const lastYear = yearOfStay(agreement.enteredOn, covered.endsOn)
  let daysAtFirstStep = days
  if (lastYear !== firstYear) {
    let low = 0
    let high = days - 1
    while (low < high) {
      const middle = (low + high) >> 1
      const year = yearOfStay(agreement.enteredOn, covered.startsOn.plus({ days: middle }))
      if (year === firstYear) low = middle + 1
      else high = middle
    }
    daysAtFirstStep = low
  }
  const firstRent = monthlyRentCents(agreement.areaSqm, stepPriceFor(agreement.steps, firstYear))
  const stepCents = stepPriceFor(agreement.steps, lastYear)
  const lastRent = monthlyRentCents(agreement.areaSqm, stepCents)
  let rent = 0
  for (let index = 0; index < days; index++) {
    rent += (index < daysAtFirstStep ? firstRent : lastRent) / daysInMonth
  }
  return { days, daysInMonth, stepCents, rentCents: Math.round(rent) }
}

/**
 * The earliest day an agreement may end when notice is given on a day: the eve of the
 * same date N months later, or the end of that month when the date does not exist
 * (notice given on 30 November for 3 months runs until 28 February).
 */
export function earliestEndAfterNotice(noticeGivenOn: DateTime, noticeMonths: number) {
  return noticeGivenOn.minus({ days: 1 }).plus({ months: noticeMonths })
}

/** A whole period's length, for display ("12 months"). */
export function lengthInMonths(period: Period) {
  return Math.round(period.endsOn.plus({ days: 1 }).diff(period.startsOn, 'months').months)
}
