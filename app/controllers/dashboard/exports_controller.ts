import type { HttpContext } from '@adonisjs/core/http'
import ExcelJS from 'exceljs'
import DashboardPolicy from '#policies/dashboard_policy'
import { decimalComma, sendCsv } from '#helpers/csv'
import { dashboardAsked, type Dashboard } from '#models/dashboard'
import { companiesTable, seriesTable, type ExportTable } from '#helpers/dashboard_tables'

/** A value for a French spreadsheet: decimal comma, shares as percentages, blanks for none. */
function csvValue(value: string | number | null, percent: boolean) {
  if (value === null) return ''
  if (typeof value === 'string') return value
  const number = percent ? Math.round(value * 1000) / 10 : value
  return decimalComma(number)
}

/** A table's rows for CSV: its titles, then its values written the French way. */
function csvRows(table: ExportTable) {
  const rows = table.rows.map((row) =>
    row.map((value, index) => csvValue(value, table.percentColumns.includes(index)))
  )
  return [table.columns, ...rows]
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
      sheet.addRow(table.columns).font = { bold: true }
      for (const row of table.rows) sheet.addRow(row)
      table.columns.forEach((title, index) => {
        const column = sheet.getColumn(index + 1)
        column.width = Math.max(12, title.length + 2)
        if (table.percentColumns.includes(index)) column.numFmt = '0.0%'
      })
      sheet.views = [{ state: 'frozen', ySplit: 1 }]
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

  #csv({ response }: HttpContext, dashboard: Dashboard, table: ExportTable, name: string) {
    return sendCsv(
      response,
      `tableau-de-bord-${name}-${dashboard.day.toISODate()}.csv`,
      csvRows(table)
    )
  }
}
