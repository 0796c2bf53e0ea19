import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Company from '#models/company'
import DeclarationReminder from '#models/declaration_reminder'
import { dueDates, type DeclarationKind, type DeclarationPeriod } from '#domain/declaration_periods'
import { columnDay } from '#helpers/sql_dates'

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

/**
 * Every company with declarations due and missing on a day (entered by then, not
 * archived), by name, each missing period with the reminder sent for it. A declaration
 * awaiting validation is not missing. Three queries, whatever the number of companies:
 * the managers' list and the daily reminder both read it from here.
 */
export async function missingDeclarationsOn(
  day: DateTime,
  client?: QueryClientContract
): Promise<CompanyMissingDeclarations[]> {
  const companies = await Company.query({ client })
    .whereNotNull('entered_on')
    .where('entered_on', '<=', day.toISODate()!)
    .whereNull('archived_at')
    .orderBy('name')
    .orderBy('id')
  if (!companies.length) return []
  const ids = companies.map((company) => company.id)

  // Plain rows (a network's ten thousand declarations as models cost tens of megabytes).
  const [declarations, reminders] = await Promise.all([
    (client ?? db.connection())
      .from('headcount_declarations')
      .select('company_id', 'kind', 'period_on')
      .whereIn('company_id', ids),
    DeclarationReminder.query({ client }).whereIn('company_id', ids),
  ])

  const declarationsOf = new Map<number, { kind: string; periodOn: string }[]>()
  for (const row of declarations as {
    company_id: number
    kind: string
    period_on: Date | string
  }[]) {
    const entry = { kind: row.kind, periodOn: columnDay(row.period_on) }
    const list = declarationsOf.get(Number(row.company_id))
    if (list) list.push(entry)
    else declarationsOf.set(Number(row.company_id), [entry])
  }
  const remindersOf = groupBy(reminders, (reminder) => reminder.companyId)

  return companies
    .map((company) => {
      const sent = new Map((remindersOf.get(company.id) ?? []).map((r) => [periodKey(r), r]))
      const missing = missingPeriods(company, declarationsOf.get(company.id) ?? [], day).map(
        (period) => ({ ...period, reminder: sent.get(periodKey(period)) ?? null })
      )
      return { company, missing }
    })
    .filter(({ missing }) => missing.length > 0)
}

function groupBy<T>(items: T[], key: (item: T) => number) {
  const groups = new Map<number, T[]>()
  for (const item of items) {
    const group = groups.get(key(item))
    if (group) group.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}
