import type { DateTime } from 'luxon'
import Agreement from '#models/agreement'
import Company from '#models/company'
import { maxStayEndsOn } from '#domain/rent'
import Setting from '#models/setting'

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

/**
 * What managers must see coming, as of a day: agreements ending within 90 days,
 * stays reaching the maximum within 6 months, notice deadlines, and cells that
 * become free within 30 days. A fixed number of queries, whatever the data size.
 */
export async function upcomingDeadlines(day: DateTime) {
  const horizon = day.plus({ days: HORIZONS.endingAgreementsDays })

  const running = await Agreement.query()
    .whereIn('status', ['active', 'draft'])
    .where('starts_on', '<=', horizon.toISODate()!)
    .where('ends_on', '>=', day.toISODate()!)
    .preload('company')
    .preload('cells', (query) => query.orderBy('code'))
    .orderBy('ends_on')

  const endingSoon = running.filter(
    (agreement) => agreement.status === 'active' && agreement.endsOn <= horizon
  )

  const noticeDeadlines = running
    .filter((agreement) => agreement.status === 'active')
    .map((agreement) => ({ agreement, deadline: noticeDeadline(agreement) }))
    .filter(
      ({ deadline }) =>
        deadline >= day && deadline <= day.plus({ days: HORIZONS.noticeDeadlineDays })
    )
    .sort((a, b) => a.deadline.toMillis() - b.deadline.toMillis())

  // A cell becomes free when its agreement ends and no other one starts the next day.
  const freeSoonLimit = day.plus({ days: HORIZONS.freeCellsDays })
  const cellsFreeSoon = running
    .filter((agreement) => agreement.status === 'active' && agreement.endsOn <= freeSoonLimit)
    .flatMap((agreement) =>
      agreement.cells
        .filter(
          (cell) =>
            !running.some(
              (other) =>
                other.id !== agreement.id &&
                other.startsOn <= agreement.endsOn.plus({ days: 1 }) &&
                other.endsOn > agreement.endsOn &&
                other.cells.some((taken) => taken.id === cell.id)
            )
        )
        .map((cell) => ({ cell, freeFrom: agreement.endsOn.plus({ days: 1 }), agreement }))
    )
    .sort((a, b) => a.freeFrom.toMillis() - b.freeFrom.toMillis())

  const hosted = await Company.query().where('status', 'hosted').whereNotNull('entered_on')
  // One read of the setting for the whole list (not one per company).
  const maxStayMonths = await Setting.maxStayMonths()
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
