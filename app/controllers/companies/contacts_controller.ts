import type { HttpContext } from '@adonisjs/core/http'
import Company from '#models/company'
import CompanyPolicy from '#policies/company_policy'
import { updateContactValidator } from '#validators/company'

/**
 * A company's contact details: the part of its profile its own tenants keep up to date.
 */
export default class ContactsController {
  /** The contact details form. */
  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(CompanyPolicy).authorize('reach')
    const company = await Company.findOrFail(params.id)
    await bouncer.with(CompanyPolicy).authorize('editContact', company)
    return view.render('pages/companies/contacts/edit', { company })
  }

  /** Saves the contact details and records the change. */
  async update(ctx: HttpContext) {
    const { bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(CompanyPolicy).authorize('reach')
    const company = await Company.findOrFail(params.id)
    await bouncer.with(CompanyPolicy).authorize('editContact', company)
    const data = await request.validateUsing(updateContactValidator)

    await company.updateContact({
      contactName: data.contactName ?? null,
      email: data.email ?? null,
      phone: data.phone ?? null,
      website: data.website ?? null,
    })

    session.flash('success', i18n.t('companies.contact_updated'))
    return response.redirect().toRoute('companies.show', { id: company.id })
  }
}
