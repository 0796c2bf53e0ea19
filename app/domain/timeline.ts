import type { DateTime } from 'luxon'
import type Agreement from '#models/agreement'
import type Cell from '#models/cell'
import { monthOf } from '#domain/periods'
import { holdingsByCell } from '#domain/occupancy'

/**
 * A run of consecutive months of one cell on the timeline with the same agreements (none
 * when free): the timeline draws it once, as wide as its months, so that a company's stay
 * reads as one bar with its name once.
 */
export type TimelineSpan = { from: DateTime; months: number; agreements: Agreement[] }

/** The first day of each of `count` months from the month containing `from`. */
export function monthsFrom(from: DateTime, count: number) {
  return Array.from({ length: count }, (_, index) => from.startOf('month').plus({ months: index }))
}

/**
 * The allocation timeline: one row per cell, its months grouped into spans of the same
 * agreements (those that cover part of the month). Agreements must have their cells loaded.
 */
export function timelineRows(cells: Cell[], agreements: Agreement[], months: DateTime[]) {
  const byCell = holdingsByCell(agreements)
  return cells.map((cell) => {
    const holding = (byCell.get(cell.id) ?? []).flatMap(({ agreement }) => agreement ?? [])
    const spans: TimelineSpan[] = []
    for (const month of months) {
      const during = holding.filter((agreement) => agreement.holdsDuring(monthOf(month)))
      const last = spans.at(-1)
      const same =
        last &&
        last.agreements.length === during.length &&
        last.agreements.every((agreement, index) => agreement.id === during[index].id)
      if (same) last.months++
      else spans.push({ from: month, months: 1, agreements: during })
    }
    return { cell, spans }
  })
}
