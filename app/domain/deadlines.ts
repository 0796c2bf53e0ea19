import type { DateTime } from 'luxon'
import type Agreement from '#models/agreement'
import type Company from '#models/company'
import { maxStayEndsOn } from '#domain/stay_limit'
import { holdingsByCell } from '#domain/occupancy'

/** How far ahead managers look for each kind of deadline. */
export const HORIZONS = {
  endingAgreementsDays: 90,
  maxStayMonths: 6,
  noticeDeadlineDays: 90,
  freeCellsDays: 30,
}

/** The last day notice can be given for an agreement to end on its planned end. */
export function noticeDeadline(agreement: Pick<Agreement, 'endsOn' | 'noticeMonths'>) {
  return agreement.endsOn.plus({ days: 1 }).minus({ months: agreement.noticeMonths })
}

/** What the deadlines are computed from: the agreements running around the day, the hosted companies, the maximum stay. */
export type DeadlineData = {
  running: Agreement[]
  hosted: Company[]
  maxStayMonths: number
}

/**
 * What managers must see coming, as of a day: agreements ending within 90 days,
 * stays reaching the maximum within 6 months, notice deadlines, and cells that
 * become free within 30 days (from the data Agreement.deadlinesOn reads).
 */
export function deadlinesFrom(day: DateTime, { running, hosted, maxStayMonths }: DeadlineData) {
  const horizon = day.plus({ days: HORIZONS.endingAgreementsDays })

  // A terminated agreement still running ends on its termination day: it is listed then.
  const endingSoon = running.filter((agreement) =>
    agreement.endsDuring({ startsOn: day, endsOn: horizon })
  )

  const noticeDeadlines = running
    .filter((agreement) => agreement.status === 'active')
    .map((agreement) => ({ agreement, deadline: noticeDeadline(agreement) }))
    .filter(
      ({ deadline }) =>
        deadline >= day && deadline <= day.plus({ days: HORIZONS.noticeDeadlineDays })
    )
    .sort((a, b) => a.deadline.toMillis() - b.deadline.toMillis())

  // A cell becomes free when its agreement ends and no other one starts the next day
  // (the other agreements of each cell looked up by cell, not by scanning them all).
  const freeSoonLimit = day.plus({ days: HORIZONS.freeCellsDays })
  const byCell = holdingsByCell(running)
  const cellsFreeSoon = running
    .filter((agreement) => agreement.endsDuring({ startsOn: day, endsOn: freeSoonLimit }))
    .flatMap((agreement) => {
      const freeFrom = agreement.effectiveEndsOn.plus({ days: 1 })
      const endsOn = agreement.effectiveEndsOn.toMillis()
      return agreement.cells
        .filter(
          (cell) =>
            !(byCell.get(cell.id) ?? []).some(
              (other) =>
                other.agreement !== agreement &&
                other.startsOn <= freeFrom.toMillis() &&
                other.endsOn > endsOn
            )
        )
        .map((cell) => ({ cell, freeFrom, agreement }))
    })
    .sort((a, b) => a.freeFrom.toMillis() - b.freeFrom.toMillis())

  const stayLimit = day.plus({ months: HORIZONS.maxStayMonths })
  const maxStaySoon = hosted
    .map((company) => ({
      company,
      limit: maxStayEndsOn(company.enteredOn!, maxStayMonths),
    }))
    .filter(({ limit }) => limit >= day && limit <= stayLimit)
    .sort((a, b) => a.limit.toMillis() - b.limit.toMillis())

  return { endingSoon, noticeDeadlines, cellsFreeSoon, maxStaySoon }
}
