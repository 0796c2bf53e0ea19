import type { HttpContext } from '@adonisjs/core/http'
import Agreement from '#models/agreement'
import AgreementPolicy from '#policies/agreement_policy'

/**
 * Discarding a draft that will never be signed: kept, with its history, but holding no
 * cell; a second thought first, on a page of its own.
 */
export default class DiscardsController {
  /** What discarding the draft does, with the button that does it. */
  async create({ bouncer, params, view }: HttpContext) {
    await bouncer.with(AgreementPolicy).authorize('manage')
    const agreement = await Agreement.query()
      .where('id', params.id)
      .preload('company')
      .preload('cells', (query) => query.orderBy('code'))
      .firstOrFail()
    await bouncer.with(AgreementPolicy).authorize('discard', agreement)
    return view.render('pages/agreements/discards/create', { agreement })
  }

  /** Discards the draft and records who did it. */
  async store(ctx: HttpContext) {
    const { bouncer, params, response, session, i18n } = ctx
    await bouncer.with(AgreementPolicy).authorize('manage')
    const agreement = await Agreement.findOrFail(params.id)

    await agreement.discard()

    session.flash('success', i18n.t('agreements.discarded'))
    return response.redirect().toRoute('agreements.show', { id: agreement.id })
  }
}
