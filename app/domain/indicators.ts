import type { DateTime } from 'luxon'
import {
  isHostedOn,
  jobsHosted,
  jobsOn,
  netJobsCreated,
  JOB_CATEGORIES,
  type CompanyRecord,
  type Headcount,
  type JobCategory,
} from '#domain/jobs'
import type { GoalMeasure } from '#domain/goals'
import { FOLLOW_UP_YEARS } from '#domain/declaration_periods'

/**
 * The figures officials follow, computed from the companies' stays and validated
 * declarations (pure functions: the dashboard loads the data once, in a few queries).
 */

/** A company as the indicators see it. */
export type ReportedCompany = CompanyRecord & {
  name: string
  sector: string
  digital: boolean
  exitReason: string | null
}

/** The figure a goal's measure gives on a day. */
export function measureOn(
  companies: CompanyRecord[],
  measure: GoalMeasure,
  goalStartsOn: DateTime,
  day: DateTime
) {
  return measure === 'jobs_hosted'
    ? jobsHosted(companies, day).jobs
    : netJobsCreated(companies, goalStartsOn, day).jobs
}

/** Companies hosted on a day, and how many of them are digital. */
export function hostedOn(companies: ReportedCompany[], day: DateTime) {
  const hosted = companies.filter((company) => isHostedOn(company, day))
  const digital = hosted.filter((company) => company.digital).length
  return {
    hosted: hosted.length,
    digital,
    digitalShare: hosted.length ? digital / hosted.length : null,
  }
}

/** Entries and exits over the 12 months up to a day (the day included). */
export function movementsOver12Months(companies: CompanyRecord[], day: DateTime) {
  const from = day.minus({ years: 1 })
  const within = (date: DateTime | null) => date !== null && date > from && date <= day
  return {
    from: from.plus({ days: 1 }),
    entries: companies.filter((company) => within(company.enteredOn)).length,
    exits: companies.filter((company) => within(company.exitOn)).length,
  }
}

/** A stay's length in months (entry and exit days included). */
function stayMonths(enteredOn: DateTime, lastDay: DateTime) {
  return lastDay.plus({ days: 1 }).diff(enteredOn, 'months').months
}

/**
 * The average length of stay, in months: of the stays completed by the day (alumni),
 * and of the stays under way that day (hosted companies, so far). Null when none.
 */
export function averageStay(companies: CompanyRecord[], day: DateTime) {
  const average = (values: number[]) =>
    values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null
  const completed = companies
    .filter((company) => company.enteredOn && company.exitOn && company.exitOn <= day)
    .map((company) => stayMonths(company.enteredOn!, company.exitOn!))
  const ongoing = companies
    .filter((company) => isHostedOn(company, day))
    .map((company) => stayMonths(company.enteredOn!, day))
  return {
    completed: average(completed),
    completedCount: completed.length,
    ongoing: average(ongoing),
    ongoingCount: ongoing.length,
  }
}

/** Whether an alumnus still traded N years after its exit: true, false or unknown (null). */
export function tradingAfter(company: ReportedCompany, years: number): boolean | null {
  if (!company.exitOn) return null
  if (company.exitReason === 'ceased_trading') return false
  const anniversary = company.exitOn.plus({ years })
  const anniversaryDay = anniversary.toISODate()
  const followUps = company.declarations
    .filter((declaration) => declaration.kind === 'follow_up' && declaration.validated)
    .filter(
      (declaration) => declaration.stillTrading !== null && declaration.stillTrading !== undefined
    )
    .filter((declaration) => declaration.periodOn <= anniversary)
  // A company that stopped trading does not come back.
  if (followUps.some((declaration) => declaration.stillTrading === false)) return false
  const atYear = followUps.find(
    (declaration) => declaration.periodOn.toISODate() === anniversaryDay
  )
  return atYear ? true : null
}

/**
 * Survival rates (taux de pérennité) 1, 2 and 3 years after exit: among the alumni
 * whose exit is at least that old on the day, the share still trading, over those
 * whose fate is known (a validated follow-up, or an exit for ceased trading).
 */
export function survivalRates(companies: ReportedCompany[], day: DateTime) {
  return Array.from({ length: FOLLOW_UP_YEARS }, (_, index) => {
    const years = index + 1
    const eligible = companies.filter(
      (company) => company.exitOn && company.exitOn.plus({ years }) <= day
    )
    const known = eligible
      .map((company) => tradingAfter(company, years))
      .filter((trading): trading is boolean => trading !== null)
    const trading = known.filter(Boolean).length
    return {
      years,
      eligible: eligible.length,
      known: known.length,
      trading,
      rate: known.length ? trading / known.length : null,
    }
  })
}

/**
 * Jobs hosted on a day broken down by contract category and by sector, from each
 * hosted company's counted declaration (interns are never jobs).
 */
export function jobsBreakdown(companies: ReportedCompany[], day: DateTime) {
  const byCategory = Object.fromEntries(JOB_CATEGORIES.map((category) => [category, 0])) as Record<
    JobCategory,
    number
  >
  const bySector = new Map<string, number>()
  for (const company of companies.filter((entry) => isHostedOn(entry, day))) {
    const counted = jobsOn(company, day)
    const headcount: Headcount | undefined = counted.declaration?.headcount
    if (headcount) {
      for (const category of JOB_CATEGORIES) byCategory[category] += headcount[category]
    }
    bySector.set(company.sector, (bySector.get(company.sector) ?? 0) + counted.jobs)
  }
  return {
    byCategory,
    bySector: [...bySector.entries()]
      .map(([sector, jobs]) => ({ sector, jobs }))
      .sort((a, b) => b.jobs - a.jobs || a.sector.localeCompare(b.sector)),
  }
}
