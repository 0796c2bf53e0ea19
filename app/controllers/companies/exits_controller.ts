import type { HttpContext } from '@adonisjs/core/http'
import Company, { EXIT_REASONS } from '#models/company'
import CompanyPolicy from '#policies/company_policy'
import { createExitValidator } from '#validators/company'

/**
 * A company's exit from the incubator: it becomes an alumnus, with the date and the reason.
 */
export default class ExitsController {
  /** The exit form. */
  async create({ bouncer, params, view }: HttpContext) {
    await bouncer.with(CompanyPolicy).authorize('manage')
    const company = await Company.findOrFail(params.id)
    return view.render('pages/companies/exits/create', { company, exitReasons: EXIT_REASONS })
  }

  /** Records the exit and who recorded it. */
  async store(ctx: HttpContext) {
    const { bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(CompanyPolicy).authorize('manage')
    const company = await Company.findOrFail(params.id)
    const { exitOn, exitReason } = await request.validateUsing(createExitValidator)

    await company.recordExit(exitOn, exitReason)

    session.flash('success', i18n.t('companies.exited', { name: company.name }))
    return response.redirect().toRoute('companies.show', { id: company.id })
  }
}
