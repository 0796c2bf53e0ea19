import { formatDate } from '#helpers/formatting'
import type { HttpContext } from '@adonisjs/core/http'
import Agreement from '#models/agreement'
import AgreementPolicy from '#policies/agreement_policy'

/**
 * Signing a draft agreement: it becomes active, and a candidate company becomes hosted.
 */
export default class ActivationsController {
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
