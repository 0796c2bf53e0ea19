import type { HttpContext } from '@adonisjs/core/http'
import { stringify } from 'csv-stringify/sync'

/** A number the way French spreadsheets read it: decimal comma, no thousands separator. */
export function decimalComma(value: number | string) {
  return String(value).replace('.', ',')
}

/**
 * Sends rows as a CSV download that opens in French Excel: ";" separator, UTF-8 with
 * a BOM. Every CSV export of the app goes through here.
 */
export function sendCsv(
  response: HttpContext['response'],
  filename: string,
  rows: (string | number)[][]
) {
  return response
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(stringify(rows, { delimiter: ';', bom: true }))
}
