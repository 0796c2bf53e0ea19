import type { HttpContext } from '@adonisjs/core/http'
import Agreement from '#models/agreement'
import Cell from '#models/cell'
import AuditEvent from '#models/audit_event'
import DataRevision from '#models/data_revision'
import AgreementPolicy from '#policies/agreement_policy'
import { createMoveValidator } from '#validators/agreement'
import { lockedForUpdate } from '#helpers/locking'
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
    const cells = await Cell.query().whereNull('out_of_service_at').orderBy('floor').orderBy('code')
    return view.render('pages/agreements/moves/create', { agreement, cells, today: today() })
  }

  /** Closes this agreement, opens the next one, and records both. */
  async store(ctx: HttpContext) {
    const { bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(AgreementPolicy).authorize('manage')
    const agreement = await Agreement.findOrFail(params.id)
    const { movesOn, cellIds } = await request.validateUsing(createMoveValidator)

    const next = await DataRevision.transaction(async (trx) => {
      const locked = await lockedForUpdate(
        Agreement.query({ client: trx }).where('id', agreement.id)
      ).firstOrFail()
      let opened: Agreement | undefined
      await AuditEvent.change(ctx, 'agreement.moved', locked, trx, async () => {
        opened = await locked.moveTo(
          { movesOn, cellIds, reason: i18n.t('agreements.move_reason') },
          trx
        )
      })
      await opened!.load('cells')
      await AuditEvent.record(
        ctx,
        'agreement.created',
        opened!,
        { after: opened!.auditAttributes(opened!.cells.map((cell) => cell.code)) },
        trx
      )
      return opened!
    })

    session.flash('success', i18n.t('agreements.moved'))
    return response.redirect().toRoute('agreements.show', { id: next.id })
  }
}
