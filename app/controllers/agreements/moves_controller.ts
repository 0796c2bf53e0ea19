import type { HttpContext } from '@adonisjs/core/http'
import Agreement from '#models/agreement'
import Cell from '#models/cell'
import AgreementPolicy from '#policies/agreement_policy'
import { createMoveValidator } from '#validators/agreement'
import { today } from '#domain/periods'

/**
 * Moving a company to other cells: the agreement closes the day before the move and
 * a new one, with the same terms, opens on the new cells — no gap, no overlap.
 */
export default class MovesController {
  /** The move form: the day and the new cells. */
  async create({ bouncer, params, view }: HttpContext) {
    await bouncer.with(AgreementPolicy).authorize('manage')
    const agreement = await Agreement.query()
      .where('id', params.id)
      .preload('company')
      .preload('cells')
      .firstOrFail()
    const cells = await Cell.allocatable()
    return view.render('pages/agreements/moves/create', { agreement, cells, today: today() })
  }

  /** Closes this agreement, opens the next one, and records both. */
  async store(ctx: HttpContext) {
    const { bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(AgreementPolicy).authorize('manage')
    const agreement = await Agreement.findOrFail(params.id)
    const { movesOn, cellIds } = await request.validateUsing(createMoveValidator)

    const next = await agreement.moveTo({
      movesOn,
      cellIds,
      reason: i18n.t('agreements.move_reason'),
    })

    session.flash('success', i18n.t('agreements.moved'))
    return response.redirect().toRoute('agreements.show', { id: next.id })
  }
}
