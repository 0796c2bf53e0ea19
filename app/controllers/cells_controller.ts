import type { HttpContext } from '@adonisjs/core/http'
import Cell from '#models/cell'
import AuditEvent from '#models/audit_event'
import CellPolicy from '#policies/cell_policy'
import { cellValidator } from '#validators/cell'

/**
 * The rentable cells: managers list them by floor and keep their details and
 * service state up to date.
 */
export default class CellsController {
  /** Every cell, floor by floor, with totals. */
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with(CellPolicy).authorize('viewList')
    const cells = await Cell.query().orderBy('floor').orderBy('code')
    const totals = {
      count: cells.length,
      areaSqm: cells.reduce((sum, cell) => sum + cell.areaSqm, 0),
      desks: cells.reduce((sum, cell) => sum + cell.desks, 0),
      outOfService: cells.filter((cell) => cell.isOutOfService).length,
    }
    return view.render('pages/cells/index', { cells, totals })
  }

  /** The cell form, with the cell's history. */
  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(CellPolicy).authorize('edit')
    const cell = await Cell.findOrFail(params.id)
    const history = await AuditEvent.historyOf(cell)
    return view.render('pages/cells/edit', { cell, history })
  }

  /** Saves the cell and records the values before and after. */
  async update(ctx: HttpContext) {
    const { bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(CellPolicy).authorize('edit')
    const cell = await Cell.findOrFail(params.id)
    const { outOfService, outOfServiceReason, ...details } = await request.validateUsing(
      cellValidator,
      { meta: { cellId: cell.id } }
    )

    await cell.updateDetails(details, outOfService ? outOfServiceReason! : null)

    session.flash('success', i18n.t('cells.updated', { code: cell.code }))
    return response.redirect().toRoute('cells.index')
  }
}
