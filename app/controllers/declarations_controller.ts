import type { HttpContext } from '@adonisjs/core/http'
import Declaration from '#models/declaration'
import AuditEvent from '#models/audit_event'
import DeclarationPolicy from '#policies/declaration_policy'
import { updateDeclarationValidator } from '#validators/declaration'
import { parseDay, today } from '#domain/periods'

/**
 * Declarations across companies for managers (what is missing, what awaits
 * validation), and correcting a declaration: tenants until it is validated, managers
 * at any time with a reason. The former values stay in the history.
 */
export default class DeclarationsController {
  /**
   * The managers' list, on a day (today unless ?on=, at most a year ahead): each company with declarations
   * due and missing and the reminders sent, then the declarations awaiting validation.
   */
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.with(DeclarationPolicy).authorize('viewAll')
    // A day ahead shows what will be due; beyond a year it would list every quarter to come.
    const latest = today().plus({ years: 1 })
    const asked = parseDay(request.input('on')) ?? today()
    const on = asked > latest ? latest : asked
    const [missing, pending] = await Promise.all([
      Declaration.missingOn(on),
      Declaration.query()
        .where('status', 'submitted')
        .preload('company')
        .orderBy('period_on')
        .orderBy('id'),
    ])
    return view.render('pages/declarations/index', { on, missing, pending })
  }

  /** The correction form. */
  async edit({ auth, bouncer, params, view }: HttpContext) {
    await bouncer.with(DeclarationPolicy).authorize('reach')
    const declaration = await Declaration.query()
      .where('id', params.id)
      .preload('company')
      .firstOrFail()
    await bouncer.with(DeclarationPolicy).authorize('edit', declaration)
    declaration.assertEditableBy(auth.getUserOrFail())
    const history = await AuditEvent.historyOf(declaration)
    return view.render('pages/declarations/edit', { declaration, history })
  }

  /** Saves the correction, with the manager's reason. */
  async update(ctx: HttpContext) {
    const { auth, bouncer, params, request, response, session, i18n } = ctx
    const user = auth.getUserOrFail()
    await bouncer.with(DeclarationPolicy).authorize('reach')
    const declaration = await Declaration.findOrFail(params.id)
    await bouncer.with(DeclarationPolicy).authorize('edit', declaration)
    const { reason: typed, ...values } = await request.validateUsing(updateDeclarationValidator)
    // A correction's reason is a reviewer's: a tenant's edit never records one.
    const correction = (await bouncer.with(DeclarationPolicy).allows('review'))
      ? { reason: typed, note: `${i18n.t('declarations.correction')} : ${typed}` }
      : null
    await declaration.update(values, user, correction)

    session.flash('success', i18n.t('declarations.updated'))
    return response
      .redirect()
      .toRoute('companies.declarations.index', { id: declaration.companyId })
  }
}
