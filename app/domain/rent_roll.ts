import type { DateTime } from 'luxon'
import type Agreement from '#models/agreement'
import type Cell from '#models/cell'
import { intersection, lengthInDays, monthOf } from '#domain/periods'
import { compareNames } from '#helpers/collation'

/** One line of the rent roll: what an agreement owes for the month. */
export type RentRollLine = {
  agreement: Agreement
  areaSqm: number
  stepCents: number
  days: number
  rentCents: number
  chargesCents: number
  totalCents: number
}

/**
 * The rent roll (état locatif) of a month: each signed agreement covering part of
 * the month with its rent and charges, both prorated by day; the month's totals;
 * and the vacancy, in m² of cells left free, prorated by day too.
 * Agreements must have their company and cells loaded.
 */
export function rentRollFor(month: DateTime, agreements: Agreement[], cells: Cell[]) {
  const period = monthOf(month)
  const daysInMonth = lengthInDays(period)

  const lines: RentRollLine[] = agreements
    .filter((agreement) => agreement.isSigned)
    .flatMap((agreement) => {
      const rent = agreement.rentForMonth(period.startsOn)
      if (!rent) return []
      const chargesCents = Math.round((agreement.monthlyChargesCents * rent.days) / daysInMonth)
      return [
        {
          agreement,
          areaSqm: agreement.areaSqm,
          stepCents: rent.stepCents,
          days: rent.days,
          rentCents: rent.rentCents,
          chargesCents,
          totalCents: rent.rentCents + chargesCents,
        },
      ]
    })
    .sort((a, b) => compareNames(a.agreement.company.name, b.agreement.company.name))

  const rentedSqmDays = lines.reduce((sum, line) => sum + line.areaSqm * line.days, 0)
  const totalSqm = cells.reduce((sum, cell) => sum + cell.areaSqm, 0)
  const occupiedCellIds = new Set(
    lines.flatMap((line) =>
      intersection(line.agreement.period, period) ? line.agreement.cells.map((cell) => cell.id) : []
    )
  )

  return {
    period,
    lines,
    totals: {
      rentCents: lines.reduce((sum, line) => sum + line.rentCents, 0),
      chargesCents: lines.reduce((sum, line) => sum + line.chargesCents, 0),
      totalCents: lines.reduce((sum, line) => sum + line.totalCents, 0),
      areaSqm: totalSqm,
      vacantSqm: Math.round((totalSqm - rentedSqmDays / daysInMonth) * 100) / 100,
      vacantCells: cells.filter((cell) => !occupiedCellIds.has(cell.id)).length,
    },
  }
}
