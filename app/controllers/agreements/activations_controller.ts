import { formatDate } from '#helpers/formatting'
import type { HttpContext } from '@adonisjs/core/http'
import Agreement from '#models/agreement'
import AgreementPolicy from '#policies/agreement_policy'
import { monthlyRentCents } from '#domain/rent'

/**
 * Signing a draft agreement: it becomes active, and a candidate company becomes hosted.
 */
export default class ActivationsController {
  /**
   * The second thought before signing (a page, so that it works without JavaScript): the
   * terms and what signing changes; its form posts to store. Only a draft may be signed.
   */
  async create({ bouncer, params, view }: HttpContext) {
    await bouncer.with(AgreementPolicy).authorize('manage')
    const agreement = await Agreement.query()
      .where('id', params.id)
      .preload('company')
      .preload('cells', (query) => query.orderBy('code'))
      .firstOrFail()
    await bouncer.with(AgreementPolicy).authorize('activate', agreement)
    // The step due on its first day: the rent's years run from the company's entry.
    const stepCents = agreement.rentForMonth(agreement.startsOn)?.stepCents ?? 0
    const firstRent = monthlyRentCents(agreement.areaSqm, stepCents)
    return view.render('pages/agreements/activations/create', { agreement, firstRent })
  }

  /** Activates the agreement and records both changes. */
  async store(ctx: HttpContext) {
    const { bouncer, params, response, session, i18n } = ctx
    await bouncer.with(AgreementPolicy).authorize('manage')
    const agreement = await Agreement.findOrFail(params.id)

    await agreement.activate()

    session.flash(
      'success',
      i18n.t('agreements.activated', { date: formatDate(agreement.startsOn, i18n.locale) })
    )
    return response.redirect().toRoute('agreements.show', { id: agreement.id })
  }
}
