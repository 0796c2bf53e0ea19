import type { HttpContext } from '@adonisjs/core/http'
import Company from '#models/company'
import Declaration from '#models/declaration'
import DeclarationPolicy from '#policies/declaration_policy'
import { createDeclarationValidator } from '#validators/declaration'
import { declarationsDue } from '#domain/declaration_periods'
import { parseDay, today } from '#domain/periods'

/**
 * A company's headcount declarations: the periods due, what was declared, and the
 * form to declare for a period.
 */
export default class DeclarationsController {
  /** The periods due with their declarations (missing ones first to catch the eye). */
  async index({ bouncer, params, view }: HttpContext) {
    await bouncer.with(DeclarationPolicy).authorize('reach')
    const company = await Company.findOrFail(params.id)
    await bouncer.with(DeclarationPolicy).authorize('viewFor', company)
    const declarations = await Declaration.query()
      .where('company_id', company.id)
      .orderBy('period_on', 'desc')
    const periods = declarationsDue(company, today())
      .reverse()
      .map((period) => ({
        ...period,
        declaration:
          declarations.find(
            (declaration) =>
              declaration.kind === period.kind &&
              declaration.periodOn.toISODate() === period.periodOn.toISODate()
          ) ?? null,
      }))
    return view.render('pages/companies/declarations/index', { company, periods })
  }

  /** The declaration form for one period due. */
  async create({ bouncer, params, request, view }: HttpContext) {
    await bouncer.with(DeclarationPolicy).authorize('reach')
    const company = await Company.findOrFail(params.id)
    await bouncer.with(DeclarationPolicy).authorize('declareFor', company)
    return view.render('pages/companies/declarations/create', {
      company,
      kind: request.input('kind', 'quarter'),
      periodOn: parseDay(request.input('period_on'))?.toISODate() ?? '',
    })
  }

  /** Records the declaration and who made it. */
  async store(ctx: HttpContext) {
    const { auth, bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(DeclarationPolicy).authorize('reach')
    const company = await Company.findOrFail(params.id)
    await bouncer.with(DeclarationPolicy).authorize('declareFor', company)
    const values = await request.validateUsing(createDeclarationValidator)

    await Declaration.declare(company, values, auth.getUserOrFail())

    session.flash('success', i18n.t('declarations.created'))
    return response.redirect().toRoute('companies.declarations.index', { id: company.id })
  }
}
