import type { DateTime } from 'luxon'
import type Agreement from '#models/agreement'
import type Cell from '#models/cell'

/** A cell's state on a day. */
export type CellState = 'free' | 'occupied' | 'reserved' | 'out_of_service'

/** One cell on the plan: its state, and the agreement behind it if any. */
export type CellOnPlan = {
  cell: Cell
  state: CellState
  agreement: Agreement | null
}

/**
 * An agreement's hold on a cell, its days as numbers (compared many times over). The
 * agreement itself is absent when read as plain rows (the dashboard only counts).
 */
export type Holding = { agreement: Agreement | null; startsOn: number; endsOn: number }

/** Agreements by cell, each cell's sorted by start: built once, read for many days. */
export type HoldingsByCell = Map<number, Holding[]>

/** Indexes agreements (with their cells loaded) by the cells they hold. */
export function holdingsByCell(agreements: Agreement[]): HoldingsByCell {
  return indexByCell(
    agreements.flatMap((agreement) => {
      const holding = {
        agreement,
        startsOn: agreement.startsOn.toMillis(),
        endsOn: agreement.effectiveEndsOn.toMillis(),
      }
      return agreement.cells.map((cell) => ({ cellId: cell.id, holding }))
    })
  )
}

/** Indexes holdings read as plain rows (cell, first and last day) by cell. */
export function holdingsFromRows(rows: { cellId: number; startsOn: DateTime; endsOn: DateTime }[]) {
  return indexByCell(
    rows.map((row) => ({
      cellId: row.cellId,
      holding: {
        agreement: null,
        startsOn: row.startsOn.toMillis(),
        endsOn: row.endsOn.toMillis(),
      },
    }))
  )
}

function indexByCell(entries: { cellId: number; holding: Holding }[]): HoldingsByCell {
  const byCell: HoldingsByCell = new Map()
  for (const { cellId, holding } of entries) {
    const list = byCell.get(cellId)
    if (list) list.push(holding)
    else byCell.set(cellId, [holding])
  }
  for (const list of byCell.values()) list.sort((a, b) => a.startsOn - b.startsOn)
  return byCell
}

/**
 * Each cell's state on a day: out of service; occupied by the agreement covering
 * the day (a signed one, or a draft that already holds it); reserved by the next
 * agreement to start; else free. Agreements must have their cells loaded; pass them
 * indexed (holdingsByCell) when asking for many days.
 */
export function cellStatesOn(
  cells: Cell[],
  agreements: Agreement[] | HoldingsByCell,
  day: DateTime
): CellOnPlan[] {
  const byCell = agreements instanceof Map ? agreements : holdingsByCell(agreements)
  const on = day.toMillis()
  return cells.map((cell) => {
    let current: Holding | null = null
    let next: Holding | null = null
    for (const holding of byCell.get(cell.id) ?? []) {
      if (holding.endsOn < on) continue
      if (holding.startsOn > on) {
        next = holding
        break
      }
      current ??= holding
    }

    if (cell.isOutOfService) {
      return { cell, state: 'out_of_service', agreement: current?.agreement ?? null }
    }
    if (current) return { cell, state: 'occupied', agreement: current.agreement }
    if (next) return { cell, state: 'reserved', agreement: next.agreement }
    return { cell, state: 'free', agreement: null }
  })
}

/** Occupancy by count and by area: occupied cells over the cells of the building. */
export function occupancyOf(plan: CellOnPlan[]) {
  const occupied = plan.filter((entry) => entry.state === 'occupied')
  const areaSqm = plan.reduce((sum, entry) => sum + entry.cell.areaSqm, 0)
  const occupiedSqm = occupied.reduce((sum, entry) => sum + entry.cell.areaSqm, 0)
  return {
    cells: plan.length,
    occupiedCells: occupied.length,
    areaSqm,
    occupiedSqm,
    byCount: plan.length ? occupied.length / plan.length : 0,
    byArea: areaSqm ? occupiedSqm / areaSqm : 0,
  }
}
