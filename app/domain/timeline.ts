import type { DateTime } from 'luxon'
import type Agreement from '#models/agreement'
import type Cell from '#models/cell'
import { monthOf } from '#domain/periods'
import { holdingsByCell } from '#domain/occupancy'

/** One month of one cell on the timeline: the agreements touching it (none when free). */
export type TimelineSlot = { month: DateTime; agreements: Agreement[] }

/** The first day of each of `count` months from the month containing `from`. */
export function monthsFrom(from: DateTime, count: number) {
  return Array.from({ length: count }, (_, index) => from.startOf('month').plus({ months: index }))
}

/**
 * The allocation timeline: one row per cell, one slot per month, each slot holding
 * the agreements that cover part of that month. Agreements must have their cells loaded.
 */
export function timelineRows(cells: Cell[], agreements: Agreement[], months: DateTime[]) {
  const byCell = holdingsByCell(agreements)
  return cells.map((cell) => {
    const holding = (byCell.get(cell.id) ?? []).flatMap(({ agreement }) => agreement ?? [])
    return {
      cell,
      slots: months.map((month) => ({
        month,
        agreements: holding.filter((agreement) => agreement.holdsDuring(monthOf(month))),
      })),
    }
  })
}
