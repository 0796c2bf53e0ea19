import type { HttpContext } from '@adonisjs/core/http'
import Agreement from '#models/agreement'
import AgreementPolicy from '#policies/agreement_policy'
import { createTerminationValidator } from '#validators/agreement'
import { today } from '#domain/periods'

/**
 * An agreement's early termination: the date, the reason, and the notice period
 * respected (or overridden by a manager, with a reason).
 */
export default class TerminationsController {
  /** The termination form. */
  async create({ bouncer, params, view }: HttpContext) {
    await bouncer.with(AgreementPolicy).authorize('manage')
    const agreement = await Agreement.withCompany(params.id)
    return view.render('pages/agreements/terminations/create', { agreement, today: today() })
  }

  /** Terminates the agreement and records it. */
  async store(ctx: HttpContext) {
    const { bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(AgreementPolicy).authorize('manage')
    const agreement = await Agreement.findOrFail(params.id)
    const data = await request.validateUsing(createTerminationValidator)

    await agreement.terminate({
      terminatedOn: data.terminatedOn,
      noticeGivenOn: data.noticeGivenOn,
      reason: data.reason,
      overrideReason: data.overrideNotice ? data.overrideReason : null,
    })

    session.flash('success', i18n.t('agreements.terminated'))
    return response.redirect().toRoute('agreements.show', { id: agreement.id })
  }
}
