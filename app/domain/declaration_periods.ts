import { DateTime } from 'luxon'

/** The kinds of headcount declaration. */
export const DECLARATION_KINDS = ['entry', 'quarter', 'exit', 'follow_up'] as const
export type DeclarationKind = (typeof DECLARATION_KINDS)[number]

/** A period a company must declare its headcount for. */
export type DeclarationPeriod = { kind: DeclarationKind; periodOn: DateTime }

/** How long alumni are followed up after their exit. */
export const FOLLOW_UP_YEARS = 3

/** A period due, its day written YYYY-MM-DD (dates are only made for the periods kept). */
export type DueDate = { kind: DeclarationKind; on: string }

/** The last day of each calendar quarter, by its last month. */
const QUARTER_ENDS: Record<number, string> = { 3: '03-31', 6: '06-30', 9: '09-30', 12: '12-31' }

/** The quarter ends (YYYY-MM-DD) from the one a day falls in, up to another day, both included. */
function quarterEnds(from: string, to: string) {
  const ends: string[] = []
  let year = Number(from.slice(0, 4))
  let month = Math.ceil(Number(from.slice(5, 7)) / 3) * 3
  for (
    let end = `${year}-${QUARTER_ENDS[month]}`;
    end <= to;
    end = `${year}-${QUARTER_ENDS[month]}`
  ) {
    ends.push(end)
    month += 3
    if (month > 12) {
      month = 3
      year += 1
    }
  }
  return ends
}

/**
 * The declarations due from a company up to a day, as days written YYYY-MM-DD: one at
 * entry (the baseline), one per quarter while hosted (as of 31 March, 30 June,
 * 30 September and 31 December), one at exit, and one a year for three years after
 * exit. Periods after the day are not yet due. Worked on text, not dates: the managers'
 * list reads it for every company of the network at once.
 */
export function dueDates(
  company: { enteredOn: DateTime | null; exitOn: DateTime | null },
  day: DateTime
): DueDate[] {
  const today = day.toISODate()!
  const entered = company.enteredOn?.toISODate()
  if (!entered || entered > today) return []
  const exited = company.exitOn?.toISODate() ?? null
  const due: DueDate[] = [{ kind: 'entry', on: entered }]

  const lastHostedDay = exited && exited < today ? exited : today
  for (const quarterEnd of quarterEnds(entered, lastHostedDay)) {
    // The entry or exit declaration already gives the headcount on that day.
    if (quarterEnd === entered || quarterEnd === exited) continue
    due.push({ kind: 'quarter', on: quarterEnd })
  }

  if (exited && exited <= today) {
    due.push({ kind: 'exit', on: exited })
    for (let year = 1; year <= FOLLOW_UP_YEARS; year++) {
      const followUpOn = company.exitOn!.plus({ years: year }).toISODate()!
      if (followUpOn <= today) due.push({ kind: 'follow_up', on: followUpOn })
    }
  }
  return due
}

/** The declarations due from a company up to a day (dueDates), each with its day as a date. */
export function declarationsDue(
  company: { enteredOn: DateTime | null; exitOn: DateTime | null },
  day: DateTime
): DeclarationPeriod[] {
  return dueDates(company, day).map(({ kind, on }) => ({ kind, periodOn: asDay(on) }))
}

/** A day written YYYY-MM-DD as a date in UTC (it never shifts). */
function asDay(on: string) {
  return DateTime.fromISO(on, { zone: 'utc' })
}
