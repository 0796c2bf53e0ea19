import type { HttpContext } from '@adonisjs/core/http'
import { stringify } from 'csv-stringify/sync'
import { withoutControlCharacters } from '#helpers/control_characters'

/** A number the way French spreadsheets read it: decimal comma, no thousands separator. */
export function decimalComma(value: number | string) {
  return String(value).replace('.', ',')
}

/** What a spreadsheet reads as the start of a formula (ASCII and full-width signs). */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/

/** A number as the app writes it (negative ones included): never a formula. */
const PLAIN_NUMBER = /^-?\d+(,\d+)?( %)?$/

/**
 * A cell that a spreadsheet shows as typed and never runs: text that starts like a formula
 * (=, +, -, @, after any leading blanks), or with a tab or a carriage return, gets a leading
 * apostrophe (OWASP's "CSV injection" advice); control characters other than line breaks
 * are dropped. Numbers, and text the app writes as numbers ("-12,5"), stay as they are.
 */
export function spreadsheetCell(value: string | number | null | undefined) {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return value
  const text = withoutControlCharacters(value.replace(/\r\n?/g, '\n'))
  if (PLAIN_NUMBER.test(text)) return text
  if (/^[\t\r]/.test(value) || FORMULA_START.test(text.trimStart())) return `'${text}`
  return text
}

/**
 * Sends rows as a CSV download that opens in French Excel: ";" separator, UTF-8 with
 * a BOM, every cell through spreadsheetCell. Every CSV export of the app goes through here.
 */
export function sendCsv(
  response: HttpContext['response'],
  filename: string,
  rows: (string | number | null)[][]
) {
  return response
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(
      stringify(
        rows.map((row) => row.map(spreadsheetCell)),
        { delimiter: ';', bom: true }
      )
    )
}
