import type { HttpContext } from '@adonisjs/core/http'
import Company from '#models/company'
import Mandate from '#models/mandate'
import MandatePolicy from '#policies/mandate_policy'
import { mandateValidator } from '#validators/mandate'
import { today } from '#domain/periods'

/**
 * A company's SEPA mandates: managers record the one it signed (it replaces the former).
 */
export default class MandatesController {
  /** The form of a new mandate: the company's name as the account holder, signed today. */
  async create({ bouncer, params, view }: HttpContext) {
    await bouncer.with(MandatePolicy).authorize('manage')
    const company = await Company.findOrFail(params.id)
    const current = await Mandate.activeOf(company.id)
    return view.render('pages/companies/mandates/create', { company, current, today: today() })
  }

  /** Records the mandate, replacing the former one, and goes back to the company's page. */
  async store(ctx: HttpContext) {
    const { bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(MandatePolicy).authorize('manage')
    const company = await Company.findOrFail(params.id)
    const terms = await request.validateUsing(mandateValidator)

    const mandate = await Mandate.sign(company.id, terms)

    session.flash('success', i18n.t('mandates.signed', { reference: mandate.reference }))
    return response.redirect().toRoute('companies.show', { id: company.id })
  }
}
