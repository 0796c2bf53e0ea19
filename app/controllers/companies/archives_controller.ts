import type { HttpContext } from '@adonisjs/core/http'
import Company from '#models/company'
import CompanyPolicy from '#policies/company_policy'

/**
 * A company's archive: nothing with history is deleted; an archived company leaves
 * the lists and keeps its page, agreements and history.
 */
export default class ArchivesController {
  /** Archives the company. */
  async store(ctx: HttpContext) {
    return this.#change(ctx, 'archive')
  }

  /** Brings the company back into the lists. */
  async destroy(ctx: HttpContext) {
    return this.#change(ctx, 'unarchive')
  }

  async #change(ctx: HttpContext, change: 'archive' | 'unarchive') {
    const { bouncer, params, response, session, i18n } = ctx
    await bouncer.with(CompanyPolicy).authorize('manage')
    const company = await Company.findOrFail(params.id)

    await company[change]()

    session.flash('success', i18n.t(`companies.${change}d`, { name: company.name }))
    return response.redirect().toRoute('companies.show', { id: company.id })
  }
}
