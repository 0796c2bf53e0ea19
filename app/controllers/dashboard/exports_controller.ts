import type { HttpContext } from '@adonisjs/core/http'
import ExcelJS from 'exceljs'
import type { DateTime } from 'luxon'
import DashboardPolicy from '#policies/dashboard_policy'
import { decimalComma, sendCsv } from '#helpers/csv'
import { dashboardAsked, type Dashboard } from '#models/dashboard'
import {
  companiesTable,
  exportHeading,
  isMonth,
  seriesTable,
  type Cell,
  type ExportTable,
} from '#helpers/dashboard_tables'

/** A month as a spreadsheet date: its first day, at midnight UTC (Excel dates have no zone). */
function monthDate(month: DateTime) {
  return new Date(Date.UTC(month.year, month.month - 1, 1))
}

/** The width a column needs to show its title and its values (in characters). */
function columnWidth(title: string, values: Cell[], percent: boolean) {
  const longest = Math.max(
    title.length,
    ...values.map((value) => {
      if (value === null) return 0
      if (isMonth(value)) return 'septembre 2019'.length
      if (typeof value === 'number') return percent ? 7 : String(value).length
      return value.length
    })
  )
  return Math.min(60, Math.max(12, longest + 2))
}

/**
 * A value for a French spreadsheet: decimal comma, shares as percentages, months as
 * YYYY-MM (which spreadsheets sort), blanks for none.
 */
function csvValue(value: Cell, percent: boolean) {
  if (value === null) return ''
  if (isMonth(value)) return value.toFormat('yyyy-MM')
  if (typeof value === 'string') return value
  const number = percent ? Math.round(value * 1000) / 10 : value
  return decimalComma(number)
}

/**
 * A table's rows for CSV: what it holds and as of when, a blank line, its titles, then its
 * values written the French way.
 */
function csvRows(table: ExportTable, heading: string[]) {
  const rows = table.rows.map((row) =>
    row.map((value, index) => csvValue(value, table.percentColumns.includes(index)))
  )
  return [...heading.map((line) => [line]), [], table.columns, ...rows]
}

/**
 * The dashboard's tables for spreadsheets: the monthly series and the per-company
 * table as CSV, both as sheets of one XLSX workbook.
 */
export default class ExportsController {
  /** The monthly series as CSV. */
  async series(ctx: HttpContext) {
    const dashboard = await this.#dashboard(ctx)
    return this.#csv(ctx, dashboard, seriesTable(dashboard, ctx.i18n.t.bind(ctx.i18n)), 'serie')
  }

  /** The per-company table as CSV (officials: job totals only). */
  async companies(ctx: HttpContext) {
    const dashboard = await this.#dashboard(ctx)
    const table = companiesTable(
      dashboard,
      ctx.i18n.t.bind(ctx.i18n),
      await ctx.bouncer.with(DashboardPolicy).allows('traceToDeclarations')
    )
    return this.#csv(ctx, dashboard, table, 'entreprises')
  }

  /** Both tables as an XLSX workbook, numbers as numbers and shares as percentages. */
  async workbook(ctx: HttpContext) {
    const dashboard = await this.#dashboard(ctx)
    const t = ctx.i18n.t.bind(ctx.i18n)
    const tables = [
      seriesTable(dashboard, t),
      companiesTable(
        dashboard,
        t,
        await ctx.bouncer.with(DashboardPolicy).allows('traceToDeclarations')
      ),
    ]
    const workbook = new ExcelJS.Workbook()
    workbook.creator = t('app.name')
    workbook.created = new Date()
    for (const table of tables) {
      const sheet = workbook.addWorksheet(table.name)
      const heading = exportHeading(dashboard, table, t, ctx.i18n.locale)
      heading.forEach((line, index) => {
        sheet.addRow([line]).font = { bold: index === 0, size: index === 0 ? 13 : 11 }
      })
      sheet.addRow([])
      sheet.addRow(table.columns).font = { bold: true }
      for (const row of table.rows) {
        sheet.addRow(row.map((value) => (isMonth(value) ? monthDate(value) : value)))
      }
      table.columns.forEach((title, index) => {
        const column = sheet.getColumn(index + 1)
        const values = table.rows.map((row) => row[index])
        const percent = table.percentColumns.includes(index)
        column.width = columnWidth(title, values, percent)
        if (percent) column.numFmt = '0.0%'
        if (values.some(isMonth)) column.numFmt = 'mmmm yyyy'
      })
      sheet.views = [{ state: 'frozen', ySplit: heading.length + 2 }]
    }
    const buffer = await workbook.xlsx.writeBuffer()
    return ctx.response
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header(
        'content-disposition',
        `attachment; filename="tableau-de-bord-${dashboard.day.toISODate()}.xlsx"`
      )
      .send(Buffer.from(buffer))
  }

  async #dashboard({ bouncer, request }: HttpContext) {
    await bouncer.with(DashboardPolicy).authorize('view')
    return dashboardAsked(request.qs())
  }

  #csv({ response, i18n }: HttpContext, dashboard: Dashboard, table: ExportTable, name: string) {
    const heading = exportHeading(dashboard, table, i18n.t.bind(i18n), i18n.locale)
    return sendCsv(
      response,
      `tableau-de-bord-${name}-${dashboard.day.toISODate()}.csv`,
      csvRows(table, heading)
    )
  }
}
