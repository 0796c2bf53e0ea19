import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Company from '#models/company'
import Cell from '#models/cell'
import Agreement from '#models/agreement'
import Goal from '#models/goal'
import {
  baselineOf,
  headcountOfRow,
  JOB_COLUMNS,
  jobsHosted,
  jobsIn,
  jobsOn,
  netJobsCreated,
  jobsSeries,
  type CountedDeclaration,
} from '#domain/jobs'
import { goalProgress, goalOutcome, expectedOn, type GoalMeasure } from '#domain/goals'
import { columnDay } from '#helpers/sql_dates'
import { day as calendarDay, parseDay, today } from '#domain/periods'
import { cellStatesOn, holdingsFromRows, occupancyOf } from '#domain/occupancy'
import {
  averageStay,
  hostedOn,
  jobsBreakdown,
  measureOn,
  movementsOver12Months,
  survivalRates,
  type ReportedCompany,
} from '#domain/indicators'
import { sortByName } from '#helpers/collation'

/**
 * The officials' dashboard, a read model: every figure for an "as of" day, replayed from
 * the companies' stays, their validated declarations and the agreements, all loaded in a
 * fixed number of queries whatever the size of the history; the rules that compute them
 * are app/domain's (indicators, jobs, occupancy, goals).
 */

/** A date column as a calendar day, whichever way the driver returns it. */
function asDay(value: Date | string) {
  return calendarDay(columnDay(value))
}

/**
 * asDay for many rows sharing few dates (declarations fall on quarter ends): each
 * distinct date is read once (DateTime values never change, so they can be shared).
 */
function dayReader() {
  const days = new Map<string | number, DateTime>()
  return (value: Date | string) => {
    const key = value instanceof Date ? value.getTime() : String(value)
    let parsed = days.get(key)
    if (!parsed) {
      parsed = asDay(value)
      days.set(key, parsed)
    }
    return parsed
  }
}

/** What the dashboard is computed from: companies with their validated declarations. */
export async function loadReportedCompanies(day: DateTime): Promise<ReportedCompany[]> {
  const [companies, rows] = await Promise.all([
    Company.query()
      .whereNotNull('entered_on')
      .where('entered_on', '<=', day.toISODate()!)
      .select('id', 'name', 'sector', 'digital', 'entered_on', 'exit_on', 'exit_reason')
      .orderBy('id')
      .then((found) => sortByName(found, (company) => company.name)),
    db
      .from('declarations')
      .where('status', 'validated')
      .where('period_on', '<=', day.toISODate()!)
      .select('company_id', 'kind', 'period_on', ...Object.values(JOB_COLUMNS), 'still_trading'),
  ])
  const declarations = new Map<number, CountedDeclaration[]>()
  const readDay = dayReader()
  for (const row of rows) {
    const headcount = headcountOfRow(row)
    const list = declarations.get(row.company_id) ?? []
    list.push({
      kind: row.kind,
      periodOn: readDay(row.period_on),
      validated: true,
      jobs: jobsIn(headcount),
      headcount,
      stillTrading: row.still_trading === null ? null : Boolean(row.still_trading),
    })
    declarations.set(row.company_id, list)
  }
  return companies.map((company) => ({
    id: company.id,
    name: company.name,
    sector: company.sector,
    digital: company.digital,
    enteredOn: company.enteredOn,
    // A company that left after the day was still hosted on it.
    exitOn: company.exitOn && company.exitOn <= day ? company.exitOn : null,
    exitReason: company.exitOn && company.exitOn <= day ? company.exitReason : null,
    declarations: declarations.get(company.id) ?? [],
  }))
}

/**
 * Which cell each agreement held from one day to another, as plain rows: the dashboard
 * only counts occupied cells, month after month, and needs no agreement models.
 */
async function loadHoldings(from: DateTime, to: DateTime) {
  const rows = await Agreement.cellHoldingsDuring({ startsOn: from, endsOn: to })
  return holdingsFromRows(
    rows.map((row) => ({
      cellId: row.cell_id,
      startsOn: asDay(row.starts_on),
      endsOn: asDay(row.terminated_on ?? row.ends_on),
    }))
  )
}

/**
 * The months a report covers: the goal's period, on to the day once the goal has ended
 * (its story goes on); else the three years up to the day.
 */
export function reportMonths(goal: Pick<Goal, 'startsOn' | 'endsOn'> | null, day: DateTime) {
  const from = goal ? goal.startsOn : day.minus({ months: 35 }).startOf('month')
  const to = goal ? (goal.endsOn < day ? day : goal.endsOn) : day
  const months: { month: DateTime; on: DateTime }[] = []
  for (let month = from.startOf('month'); month <= to; month = month.plus({ months: 1 })) {
    const endOfMonth = month.endOf('month').startOf('day')
    months.push({ month, on: endOfMonth < to ? endOfMonth : to })
  }
  return months
}

/** Everything the dashboard shows for a day, for a goal (or none defined yet). */
export async function dashboardOn(goal: Goal | null, day: DateTime) {
  const months = reportMonths(goal, day)
  const [companies, cells, holdings] = await Promise.all([
    loadReportedCompanies(day),
    Cell.query().orderBy('code'),
    loadHoldings(months[0].month, day),
  ])
  const measure: GoalMeasure = goal?.measure ?? 'jobs_hosted'
  const goalStartsOn = goal?.startsOn ?? months[0].month

  const hosted = jobsHosted(companies, day)
  const created = netJobsCreated(companies, goalStartsOn, day)
  const figure = measure === 'jobs_hosted' ? hosted.jobs : created.jobs
  const startFigure = goal ? measureOn(companies, measure, goal.startsOn, goal.startsOn) : 0
  const occupancy = occupancyOf(cellStatesOn(cells, holdings, day))

  // The month of the as-of day is measured on that day; later months are not known yet.
  const measured = months.map(({ month, on: endOfMonth }) => ({
    month,
    on: endOfMonth > day && month <= day ? day : endOfMonth,
  }))
  const past = measured.filter(({ on }) => on <= day)
  const jobs = jobsSeries(
    companies,
    goalStartsOn,
    past.map(({ on }) => on)
  )
  const series = measured.map(({ month, on }, index) => {
    const isPast = index < past.length
    const monthOccupancy = isPast ? occupancyOf(cellStatesOn(cells, holdings, on)) : null
    return {
      month,
      on,
      jobsHosted: isPast ? jobs.hosted[index] : null,
      netJobsCreated: isPast ? jobs.created[index] : null,
      target: goal ? Math.round(expectedOn(goal, startFigure, on) * 10) / 10 : null,
      occupancyByCount: monthOccupancy?.byCount ?? null,
      occupancyByArea: monthOccupancy?.byArea ?? null,
    }
  })

  const createdByCompany = new Map(created.companies.map((entry) => [entry.company.id, entry]))
  const hostedByCompany = new Map(hosted.companies.map((entry) => [entry.company.id, entry]))
  const perCompany = companies
    .filter((company) => hostedByCompany.has(company.id) || createdByCompany.has(company.id))
    .map((company) => {
      const counted = jobsOn(company, day)
      const net = createdByCompany.get(company.id)
      return {
        company,
        hosted: hostedByCompany.has(company.id),
        jobs: counted.jobs,
        source: counted.source,
        declaredOn: counted.declaration?.periodOn ?? null,
        baseline: baselineOf(company),
        created: net?.created ?? null,
        missing: counted.source === 'missing' || Boolean(net?.missing),
      }
    })

  const outcome = goal
    ? goalOutcome(
        goal,
        series
          .filter((point) => point.month >= goal.startsOn.startOf('month'))
          .map((point) => ({
            month: point.month,
            on: point.on,
            figure: measure === 'jobs_hosted' ? point.jobsHosted : point.netJobsCreated,
          })),
        day,
        day > goal.endsOn ? measureOn(companies, measure, goal.startsOn, goal.endsOn) : null
      )
    : null

  return {
    day,
    goal,
    measure,
    figure,
    progress: goal ? goalProgress(goal, startFigure, figure, day) : null,
    outcome,
    jobsHosted: hosted.jobs,
    netJobsCreated: created.jobs,
    missing: [...new Set([...hosted.missing, ...created.missing])].length,
    companies: hostedOn(companies, day),
    movements: movementsOver12Months(companies, day),
    stay: averageStay(companies, day),
    survival: survivalRates(companies, day),
    breakdown: jobsBreakdown(companies, day),
    occupancy,
    series,
    perCompany,
  }
}

export type Dashboard = Awaited<ReturnType<typeof dashboardOn>>

/**
 * The dashboard a request asks for: "on" (YYYY-MM-DD, today by default, never after
 * today) and "goal" (an id, the current goal by default); anything malformed falls
 * back to the default rather than failing.
 */
export async function dashboardAsked(input: { on?: unknown; goal?: unknown }) {
  const now = today()
  const asked = parseDay(input.on)
  const day = asked && asked <= now ? asked : now
  const goalId = Number(input.goal)
  const goal =
    (Number.isInteger(goalId) && goalId > 0 ? await Goal.find(goalId) : null) ??
    (await Goal.current())
  return dashboardOn(goal, day)
}
