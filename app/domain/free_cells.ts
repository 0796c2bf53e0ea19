import type Agreement from '#models/agreement'
import type Cell from '#models/cell'
import type { Period } from '#domain/periods'

/** One answer of the free cells finder: a cell, or a run of adjacent cells, free all along. */
export type FreeChoice = { cells: Cell[]; areaSqm: number }

/** The agreements holding each cell on at least one day of a period (cells loaded). */
function holdersByCell(agreements: Agreement[], period: Period) {
  const holders = new Map<number, Agreement[]>()
  for (const agreement of agreements.filter((entry) => entry.holdsDuring(period))) {
    for (const cell of agreement.cells) {
      const list = holders.get(cell.id)
      if (list) list.push(agreement)
      else holders.set(cell.id, [agreement])
    }
  }
  return holders
}

/** A cell offered in the agreement form, and the agreements that hold it during the period. */
export type CellAvailability = { cell: Cell; free: boolean; holders: Agreement[] }

/**
 * Whether each cell is free all along a period (the agreement form's hint): the free ones
 * first, each group in the cells' order; the same rule as the finder (freeChoices).
 */
export function cellAvailability(
  cells: Cell[],
  agreements: Agreement[],
  period: Period
): CellAvailability[] {
  const busy = holdersByCell(agreements, period)
  const all = cells.map((cell) => {
    const holders = busy.get(cell.id) ?? []
    return { cell, free: !cell.isOutOfService && !holders.length, holders }
  })
  return [...all.filter((entry) => entry.free), ...all.filter((entry) => !entry.free)]
}

/**
 * Cells free for the whole period (in service, no agreement overlapping it) with at
 * least the area asked; with `adjacent`, also runs of neighbouring free cells (same
 * floor, consecutive codes) that together reach the area. Agreements must have their
 * cells loaded; cells must be ordered by floor and code.
 */
export function freeChoices(
  cells: Cell[],
  agreements: Agreement[],
  period: Period,
  options: { minAreaSqm: number; adjacent: boolean; maxRun?: number }
): FreeChoice[] {
  const busy = holdersByCell(agreements, period)
  const isFree = (cell: Cell) => !cell.isOutOfService && !busy.has(cell.id)
  const area = (run: Cell[]) => run.reduce((sum, cell) => sum + cell.areaSqm, 0)

  const singles = cells
    .filter((cell) => isFree(cell) && cell.areaSqm >= options.minAreaSqm)
    .map((cell) => ({ cells: [cell], areaSqm: cell.areaSqm }))
  if (!options.adjacent) return singles

  const runs: FreeChoice[] = []
  const maxRun = options.maxRun ?? 3
  for (let start = 0; start < cells.length; start++) {
    for (let length = 2; length <= maxRun; length++) {
      const run = cells.slice(start, start + length)
      if (run.length < length) break
      if (!run.every((cell) => cell.floor === run[0].floor && isFree(cell))) break
      // The smallest run reaching the area, and no run that contains a single cell large enough.
      if (
        area(run) >= options.minAreaSqm &&
        !run.some((cell) => cell.areaSqm >= options.minAreaSqm)
      ) {
        runs.push({ cells: run, areaSqm: area(run) })
        break
      }
    }
  }
  return [...singles, ...runs]
}
