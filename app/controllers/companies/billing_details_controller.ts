import type { HttpContext } from '@adonisjs/core/http'
import Company from '#models/company'
import CompanyPolicy from '#policies/company_policy'
import { billingDetailsValidator } from '#validators/company'

/**
 * A company's billing details (the address and email its invoices go to; its SIREN shown):
 * kept by managers and by the company's own tenants.
 */
export default class BillingDetailsController {
  /** The billing details form. */
  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(CompanyPolicy).authorize('reach')
    const company = await Company.findOrFail(params.id)
    await bouncer.with(CompanyPolicy).authorize('editContact', company)
    return view.render('pages/companies/billing_details/edit', { company })
  }

  /** Saves the billing details and records the change. */
  async update({ bouncer, params, request, response, session, i18n }: HttpContext) {
    await bouncer.with(CompanyPolicy).authorize('reach')
    const company = await Company.findOrFail(params.id)
    await bouncer.with(CompanyPolicy).authorize('editContact', company)
    const data = await request.validateUsing(billingDetailsValidator)
    await company.updateBillingDetails({
      billingAddress: data.billingAddress,
      billingPostcode: data.billingPostcode,
      billingCity: data.billingCity,
      billingCountryCode: data.billingCountryCode ?? 'FR',
      billingEmail: data.billingEmail ?? null,
    })
    session.flash('success', i18n.t('companies.billing_details_updated'))
    return response.redirect().toRoute('companies.show', { id: company.id })
  }
}
