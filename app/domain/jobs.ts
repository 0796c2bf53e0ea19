import type { DateTime } from 'luxon'

/**
 * Counting jobs, the incubator's reason to exist (DOMAIN.md, "Counting jobs").
 * Jobs = executives/founders + permanent (CDI) + fixed-term (CDD) + apprentices;
 * interns are never jobs. Only validated declarations count.
 */

/** A headcount by category, in persons. */
export type Headcount = {
  executives: number
  permanent: number
  fixedTerm: number
  apprentices: number
  interns?: number
}

/** The categories of persons that are jobs, in the order the dashboard shows them. */
export const JOB_CATEGORIES = ['executives', 'permanent', 'fixedTerm', 'apprentices'] as const
export type JobCategory = (typeof JOB_CATEGORIES)[number]

/** The column of each job category in declarations. */
export const JOB_COLUMNS: Record<JobCategory, string> = {
  executives: 'executives',
  permanent: 'permanent',
  fixedTerm: 'fixed_term',
  apprentices: 'apprentices',
}

/** The jobs in a headcount: interns excluded. */
export function jobsIn(headcount: Headcount) {
  return JOB_CATEGORIES.reduce((jobs, category) => jobs + headcount[category], 0)
}

/** A headcount read from a row of declarations (numbers, whatever the driver). */
export function headcountOfRow(row: Record<string, unknown>): Headcount {
  return Object.fromEntries(
    JOB_CATEGORIES.map((category) => [category, Number(row[JOB_COLUMNS[category]])])
  ) as Headcount
}

/** One declaration as the counting sees it. */
export type CountedDeclaration = {
  periodOn: DateTime
  kind: 'entry' | 'quarter' | 'exit' | 'follow_up'
  validated: boolean
  jobs: number
  /** The persons by category, when the caller needs the breakdown. */
  headcount?: Headcount
  /** For follow-ups: whether the company still trades. */
  stillTrading?: boolean | null
}

/** A company's stay and declarations. */
export type CompanyRecord = {
  id: number
  enteredOn: DateTime | null
  /** The last day hosted, for alumni. */
  exitOn: DateTime | null
  declarations: CountedDeclaration[]
}

/** Where a company's figure on a day comes from. */
export type JobsSource = 'declaration' | 'baseline' | 'missing'

/** The company's baseline: the jobs of its validated entry declaration, if any. */
export function baselineOf(company: CompanyRecord) {
  const entry = company.declarations.find(
    (declaration) => declaration.kind === 'entry' && declaration.validated
  )
  return entry ? entry.jobs : null
}

/**
 * A company's jobs on a day: its latest validated declaration dated on or before the
 * day; else its baseline at entry; else 0, flagged as missing.
 */
export function jobsOn(
  company: CompanyRecord,
  day: DateTime
): { jobs: number; source: JobsSource; declaration: CountedDeclaration | null } {
  let latest: CountedDeclaration | null = null
  for (const declaration of company.declarations) {
    if (!declaration.validated || declaration.periodOn > day) continue
    if (!latest || declaration.periodOn > latest.periodOn) latest = declaration
  }
  if (latest) return { jobs: latest.jobs, source: 'declaration', declaration: latest }
  const entry = company.declarations.find(
    (declaration) => declaration.kind === 'entry' && declaration.validated
  )
  if (entry) return { jobs: entry.jobs, source: 'baseline', declaration: entry }
  return { jobs: 0, source: 'missing', declaration: null }
}

/** Whether the company is hosted on a day (from its entry to its exit day, both included). */
export function isHostedOn(company: CompanyRecord, day: DateTime) {
  return (
    company.enteredOn !== null &&
    company.enteredOn <= day &&
    (company.exitOn === null || company.exitOn >= day)
  )
}

/** Whether the company was hosted at any time between two days (both included). */
export function wasHostedBetween(company: CompanyRecord, from: DateTime, to: DateTime) {
  return (
    company.enteredOn !== null &&
    company.enteredOn <= to &&
    (company.exitOn === null || company.exitOn >= from)
  )
}

/** Jobs hosted on a day: the sum of the jobs of the companies hosted that day. */
export function jobsHosted(companies: CompanyRecord[], day: DateTime) {
  const counted = companies
    .filter((company) => isHostedOn(company, day))
    .map((company) => ({ company, ...jobsOn(company, day) }))
  return {
    jobs: counted.reduce((sum, entry) => sum + entry.jobs, 0),
    companies: counted,
    missing: counted.filter((entry) => entry.source === 'missing').map((entry) => entry.company.id),
  }
}

/**
 * Net jobs created by a day for a goal starting on another: over the companies hosted
 * at any time in between, their jobs on the day (alumni: their latest declaration)
 * minus their baseline at entry (0 when missing).
 */
export function netJobsCreated(companies: CompanyRecord[], goalStartsOn: DateTime, day: DateTime) {
  const counted = companies
    .filter((company) => wasHostedBetween(company, goalStartsOn, day))
    .map((company) => {
      const now = jobsOn(company, day)
      const baseline = baselineOf(company)
      return {
        company,
        jobs: now.jobs,
        baseline: baseline ?? 0,
        created: now.jobs - (baseline ?? 0),
        missing: now.source === 'missing' || baseline === null,
      }
    })
  return {
    jobs: counted.reduce((sum, entry) => sum + entry.created, 0),
    companies: counted,
    missing: counted.filter((entry) => entry.missing).map((entry) => entry.company.id),
  }
}

/**
 * Jobs hosted and net jobs created on each of several days in ascending order, exactly
 * as jobsHosted and netJobsCreated give them one day at a time, in one pass over each
 * company's declarations (the dashboard's monthly series: asking day by day reads every
 * declaration of every company once per month).
 */
export function jobsSeries(companies: CompanyRecord[], goalStartsOn: DateTime, days: DateTime[]) {
  const hosted = days.map(() => 0)
  const created = days.map(() => 0)
  if (!days.length) return { hosted, created }
  const times = days.map((day) => day.toMillis())
  const goalStart = goalStartsOn.toMillis()
  const lastDay = times[times.length - 1]
  const earliest = Math.min(goalStart, times[0])

  for (const company of companies) {
    if (!company.enteredOn) continue
    const enteredOn = company.enteredOn.toMillis()
    const exitOn = company.exitOn ? company.exitOn.toMillis() : Number.POSITIVE_INFINITY
    if (enteredOn > lastDay || exitOn < earliest) continue
    // Sorting is stable: declarations of the same day keep their order, the first one counts.
    const declared = company.declarations
      .filter((declaration) => declaration.validated)
      .map((declaration) => ({ on: declaration.periodOn.toMillis(), jobs: declaration.jobs }))
      .sort((a, b) => a.on - b.on)
    const baseline = baselineOf(company)
    let latest = -1
    for (const [index, day] of times.entries()) {
      while (latest + 1 < declared.length && declared[latest + 1].on <= day) latest += 1
      let counted = latest
      while (counted > 0 && declared[counted - 1].on === declared[latest].on) counted -= 1
      const jobs = latest >= 0 ? declared[counted].jobs : (baseline ?? 0)
      if (enteredOn <= day && exitOn >= day) hosted[index] += jobs
      if (enteredOn <= day && exitOn >= goalStart) created[index] += jobs - (baseline ?? 0)
    }
  }
  return { hosted, created }
}
