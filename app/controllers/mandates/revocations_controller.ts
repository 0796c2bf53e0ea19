import type { HttpContext } from '@adonisjs/core/http'
import Mandate from '#models/mandate'
import MandatePolicy from '#policies/mandate_policy'
import { revocationValidator } from '#validators/mandate'

/** A mandate's revocation: it is no longer debited, and stays as history. */
export default class RevocationsController {
  /** The revocation form, asking why. */
  async create({ bouncer, params, view }: HttpContext) {
    await bouncer.with(MandatePolicy).authorize('manage')
    const mandate = await Mandate.findOrFail(params.id)
    await mandate.load('company')
    return view.render('pages/mandates/revocations/create', { mandate })
  }

  /** Revokes the mandate and goes back to the company's page. */
  async store(ctx: HttpContext) {
    const { bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(MandatePolicy).authorize('manage')
    const mandate = await Mandate.findOrFail(params.id)
    const { reason } = await request.validateUsing(revocationValidator)

    await mandate.revoke(reason)

    session.flash('success', i18n.t('mandates.revoked', { reference: mandate.reference }))
    return response.redirect().toRoute('companies.show', { id: mandate.companyId })
  }
}
