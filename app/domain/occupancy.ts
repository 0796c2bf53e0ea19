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
 * Each cell's state on a day: out of service; occupied by the agreement covering
 * the day (a signed one, or a draft that already holds it); reserved by the next
 * agreement to start; else free. Agreements must have their cells loaded.
 */
export function cellStatesOn(cells: Cell[], agreements: Agreement[], day: DateTime): CellOnPlan[] {
  return cells.map((cell) => {
    const holding = agreements
      .filter((agreement) => agreement.cells.some((held) => held.id === cell.id))
      .filter((agreement) => agreement.effectiveEndsOn >= day)
      .sort((a, b) => a.startsOn.toMillis() - b.startsOn.toMillis())
    const current = holding.find((agreement) => agreement.startsOn <= day) ?? null
    const next = holding.find((agreement) => agreement.startsOn > day) ?? null

    if (cell.isOutOfService) return { cell, state: 'out_of_service', agreement: current }
    if (current) return { cell, state: 'occupied', agreement: current }
    if (next) return { cell, state: 'reserved', agreement: next }
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
