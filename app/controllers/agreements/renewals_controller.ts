import type { HttpContext } from '@adonisjs/core/http'
import Agreement from '#models/agreement'
import AgreementPolicy from '#policies/agreement_policy'
import { createRenewalValidator } from '#validators/agreement'
import Setting from '#models/setting'

/**
 * An agreement's renewal: its planned end moves later, within the maximum stay,
 * as long as its cells stay free.
 */
export default class RenewalsController {
  /** The renewal form, with the latest end the maximum stay allows. */
  async create({ bouncer, params, view }: HttpContext) {
    await bouncer.with(AgreementPolicy).authorize('manage')
    const agreement = await Agreement.withCompany(params.id)
    const { limit } = await Setting.stayLimitFor(agreement.companyEnteredOn)
    return view.render('pages/agreements/renewals/create', { agreement, limit })
  }

  /** Extends the agreement and records it. */
  async store(ctx: HttpContext) {
    const { bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(AgreementPolicy).authorize('manage')
    const agreement = await Agreement.findOrFail(params.id)
    const { endsOn } = await request.validateUsing(createRenewalValidator)

    await agreement.renew(endsOn)

    session.flash('success', i18n.t('agreements.renewed'))
    return response.redirect().toRoute('agreements.show', { id: agreement.id })
  }
}
