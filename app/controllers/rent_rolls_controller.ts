import type { HttpContext } from '@adonisjs/core/http'
import Agreement from '#models/agreement'
import Cell from '#models/cell'
import RentRollPolicy from '#policies/rent_roll_policy'
import { decimalComma, sendCsv } from '#helpers/csv'
import { rentRollFor } from '#domain/rent_roll'
import type { DateTime } from 'luxon'
import { monthOf, parseMonth, today } from '#domain/periods'

/** The month asked for (YYYY-MM), else the current month. */
function monthAsked(value: unknown) {
  return parseMonth(value) ?? today().startOf('month')
}

/** Euros with a decimal comma and no thousands separator, for spreadsheets in French. */
function euros(cents: number) {
  return decimalComma((cents / 100).toFixed(2))
}

/**
 * The rent roll (état locatif) of a month, on screen and as a CSV for spreadsheets.
 */
export default class RentRollsController {
  /** The month's rent roll. */
  async show({ bouncer, request, view }: HttpContext) {
    await bouncer.with(RentRollPolicy).authorize('view')
    const roll = await this.#rollFor(monthAsked(request.input('month')))
    return view.render('pages/rent_roll/show', { roll })
  }

  /** The same, as CSV: ";" separator, UTF-8 with BOM, decimal comma (opens in French Excel). */
  async export({ bouncer, request, response, i18n }: HttpContext) {
    await bouncer.with(RentRollPolicy).authorize('view')
    const month = monthAsked(request.input('month'))
    const roll = await this.#rollFor(month)
    const header = [
      'company',
      'siret',
      'cells',
      'area',
      'step',
      'days',
      'rent',
      'charges',
      'total',
    ].map((column) => i18n.t(`rent_roll.csv.${column}`))
    const rows = roll.lines.map((line) => [
      line.agreement.company.name,
      line.agreement.company.siret ?? '',
      line.agreement.cells.map((cell) => cell.code).join(', '),
      decimalComma(line.areaSqm),
      euros(line.stepCents),
      line.days,
      euros(line.rentCents),
      euros(line.chargesCents),
      euros(line.totalCents),
    ])
    const totals = [
      i18n.t('rent_roll.csv.totals'),
      '',
      '',
      '',
      '',
      '',
      euros(roll.totals.rentCents),
      euros(roll.totals.chargesCents),
      euros(roll.totals.totalCents),
    ]
    return sendCsv(response, `etat-locatif-${month.toFormat('yyyy-MM')}.csv`, [
      header,
      ...rows,
      totals,
    ])
  }

  async #rollFor(month: DateTime) {
    const period = monthOf(month)
    const [agreements, cells] = await Promise.all([
      Agreement.withCompanyAndCells(Agreement.holdingDuring(period)),
      Cell.query().orderBy('code'),
    ])
    return rentRollFor(month, agreements, cells)
  }
}
