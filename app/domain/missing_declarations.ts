import { DateTime } from 'luxon'
import type Company from '#models/company'
import type DeclarationReminder from '#models/declaration_reminder'
import { dueDates, type DeclarationKind, type DeclarationPeriod } from '#domain/declaration_periods'

/** A period due with no declaration, and the reminder already sent for it, if any. */
export type MissingDeclaration = DeclarationPeriod & { reminder: DeclarationReminder | null }

/** A company and its missing declarations, oldest first. */
export type CompanyMissingDeclarations = { company: Company; missing: MissingDeclaration[] }

/** What identifies a period of a company: its kind and its day. */
export function periodKey(period: { kind: DeclarationKind | string; periodOn: DateTime }) {
  return `${period.kind}:${period.periodOn.toISODate()}`
}

/** The periods due from a company on a day for which none of its declarations exists. */
export function missingPeriods(
  company: { enteredOn: DateTime | null; exitOn: DateTime | null },
  declarations: { kind: DeclarationKind | string; periodOn: DateTime | string }[],
  day: DateTime
): DeclarationPeriod[] {
  const declared = new Set(
    declarations.map(({ kind, periodOn }) =>
      typeof periodOn === 'string' ? `${kind}:${periodOn}` : periodKey({ kind, periodOn })
    )
  )
  return dueDates(company, day)
    .filter(({ kind, on }) => !declared.has(`${kind}:${on}`))
    .map(({ kind, on }) => ({ kind, periodOn: DateTime.fromISO(on, { zone: 'utc' }) }))
}

/** Items grouped by a numeric key. */
export function groupBy<T>(items: T[], key: (item: T) => number) {
  const groups = new Map<number, T[]>()
  for (const item of items) {
    const group = groups.get(key(item))
    if (group) group.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}
