import type { DateTime } from 'luxon'

/** The kinds of headcount declaration. */
export const DECLARATION_KINDS = ['entry', 'quarter', 'exit', 'follow_up'] as const
export type DeclarationKind = (typeof DECLARATION_KINDS)[number]

/** A period a company must declare its headcount for. */
export type DeclarationPeriod = { kind: DeclarationKind; periodOn: DateTime }

/** How long alumni are followed up after their exit. */
export const FOLLOW_UP_YEARS = 3

/**
 * The declarations due from a company up to a day: one at entry (the baseline), one
 * per quarter while hosted (as of 31 March, 30 June, 30 September and 31 December),
 * one at exit, and one a year for three years after exit. Periods after the day are
 * not yet due.
 */
export function declarationsDue(
  company: { enteredOn: DateTime | null; exitOn: DateTime | null },
  day: DateTime
): DeclarationPeriod[] {
  if (!company.enteredOn || company.enteredOn > day) return []
  const due: DeclarationPeriod[] = [{ kind: 'entry', periodOn: company.enteredOn }]

  const lastHostedDay = company.exitOn && company.exitOn < day ? company.exitOn : day
  for (
    let quarterEnd = company.enteredOn.endOf('quarter').startOf('day');
    quarterEnd <= lastHostedDay;
    quarterEnd = quarterEnd.plus({ days: 1 }).endOf('quarter').startOf('day')
  ) {
    // The entry or exit declaration already gives the headcount on that day.
    if (quarterEnd.toISODate() === company.enteredOn.toISODate()) continue
    if (company.exitOn && quarterEnd.toISODate() === company.exitOn.toISODate()) continue
    due.push({ kind: 'quarter', periodOn: quarterEnd })
  }

  if (company.exitOn && company.exitOn <= day) {
    due.push({ kind: 'exit', periodOn: company.exitOn })
    for (let year = 1; year <= FOLLOW_UP_YEARS; year++) {
      const followUpOn = company.exitOn.plus({ years: year })
      if (followUpOn <= day) due.push({ kind: 'follow_up', periodOn: followUpOn })
    }
  }
  return due
}
