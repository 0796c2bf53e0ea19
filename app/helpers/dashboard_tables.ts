import { DateTime } from 'luxon'
import type { Dashboard } from '#models/dashboard'
import { formatDate } from '#helpers/formatting'

type Translate = (key: string, data?: Record<string, unknown>) => string
/** A value of a table: text, a number, or a month (the first day of a calendar month). */
export type Cell = string | number | DateTime | null

/** A table as exports write it: column titles and raw values (numbers stay numbers). */
export type ExportTable = {
  name: string
  columns: string[]
  rows: Cell[][]
  percentColumns: number[]
}

/** The monthly series behind the charts: jobs, target line and occupancy, month by month. */
export function seriesTable(dashboard: Dashboard, t: Translate): ExportTable {
  return {
    name: t('dashboard.exports.series_sheet'),
    columns: [
      t('dashboard.series.month'),
      t('dashboard.measures.jobs_hosted'),
      t('dashboard.measures.net_jobs_created'),
      t('dashboard.series.target'),
      t('dashboard.series.occupancy_by_count'),
      t('dashboard.series.occupancy_by_area'),
    ],
    rows: dashboard.series.map((point) => [
      point.month,
      point.jobsHosted,
      point.netJobsCreated,
      point.target,
      point.occupancyByCount,
      point.occupancyByArea,
    ]),
    percentColumns: [4, 5],
  }
}

/**
 * The companies behind the figures. Officials get per-company totals; managers also
 * get where each figure comes from (the declaration's date, the baseline).
 */
export function companiesTable(
  dashboard: Dashboard,
  t: Translate,
  withDeclarations: boolean
): ExportTable {
  const columns = [
    t('dashboard.companies.name'),
    t('dashboard.companies.sector'),
    t('dashboard.companies.digital'),
    t('dashboard.companies.status'),
    t('dashboard.companies.jobs'),
    ...(withDeclarations
      ? [t('dashboard.companies.source'), t('dashboard.companies.baseline')]
      : []),
    t('dashboard.companies.created'),
  ]
  const rows = dashboard.perCompany.map((entry) => [
    entry.company.name,
    t(`companies.sectors.${entry.company.sector}`),
    entry.company.digital ? t('history.yes') : t('history.no'),
    t(entry.hosted ? 'dashboard.companies.hosted' : 'dashboard.companies.left'),
    entry.jobs,
    ...(withDeclarations
      ? [
          entry.declaredOn
            ? t(`dashboard.sources.${entry.source}_on`, { date: entry.declaredOn.toISODate() })
            : t(`dashboard.sources.${entry.source}`),
          entry.baseline,
        ]
      : []),
    entry.created,
  ])
  return { name: t('dashboard.exports.companies_sheet'), columns, rows, percentColumns: [] }
}

/**
 * The lines above a table in an export, so that a file read later says what it holds:
 * the dashboard and the table's name, the day its figures are as of, the goal followed.
 */
export function exportHeading(
  dashboard: Dashboard,
  table: ExportTable,
  t: Translate,
  locale: string
): string[] {
  return [
    `${t('dashboard.title')} — ${table.name}`,
    t('dashboard.as_of', { date: formatDate(dashboard.day, locale) }),
    ...(dashboard.goal
      ? [
          t('dashboard.goal_line', {
            name: dashboard.goal.name,
            target: dashboard.goal.targetJobs,
            from: formatDate(dashboard.goal.startsOn, locale),
            to: formatDate(dashboard.goal.endsOn, locale),
          }),
        ]
      : []),
  ]
}

/** Whether a value is a month of the monthly series. */
export function isMonth(value: Cell): value is DateTime {
  return DateTime.isDateTime(value)
}
