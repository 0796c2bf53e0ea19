import type { HttpContext } from '@adonisjs/core/http'
import Agreement from '#models/agreement'
import Cell from '#models/cell'
import FreeCellPolicy from '#policies/free_cell_policy'
import { freeCellsFinderValidator } from '#validators/cell'
import { freeChoices } from '#domain/free_cells'

/**
 * Finding free cells: for a period and a minimum area, the cells (or runs of
 * adjacent cells) free all along, each a link to allocate it.
 */
export default class FreeCellsController {
  /** The finder form and, once filled, its answers. */
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.with(FreeCellPolicy).authorize('viewList')
    if (!request.input('startsOn')) {
      return view.render('pages/free_cells/index', { search: null, choices: [] })
    }
    const search = await request.validateUsing(freeCellsFinderValidator)
    if (search.endsOn < search.startsOn) {
      return view.render('pages/free_cells/index', { search, choices: [], badPeriod: true })
    }
    const [cells, agreements] = await Promise.all([
      Cell.query().orderBy('floor').orderBy('code'),
      Agreement.withCompanyAndCells(Agreement.holdingDuring(search)),
    ])
    const choices = freeChoices(cells, agreements, search, {
      minAreaSqm: search.minAreaSqm ?? 0,
      adjacent: search.adjacent ?? false,
    })
    return view.render('pages/free_cells/index', { search, choices })
  }
}
