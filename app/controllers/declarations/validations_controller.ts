import type { HttpContext } from '@adonisjs/core/http'
import Declaration from '#models/declaration'
import DeclarationPolicy from '#policies/declaration_policy'

/**
 * A declaration's validation by a manager: from then on it counts in the figures.
 */
export default class ValidationsController {
  /** Validates the declaration and records it. */
  async store(ctx: HttpContext) {
    const { auth, bouncer, params, response, session, i18n } = ctx
    await bouncer.with(DeclarationPolicy).authorize('review')
    const declaration = await Declaration.findOrFail(params.id)

    await declaration.validate(auth.getUserOrFail())

    session.flash('success', i18n.t('declarations.validated'))
    return response
      .redirect()
      .toRoute('companies.declarations.index', { id: declaration.companyId })
  }
}
