import type { HttpContext } from '@adonisjs/core/http'
import { lockedForUpdate } from '#helpers/locking'
import Agreement from '#models/agreement'
import Company from '#models/company'
import AuditEvent from '#models/audit_event'
import DataRevision from '#models/data_revision'
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

    await DataRevision.transaction(async (trx) => {
      const locked = await lockedForUpdate(
        Agreement.query({ client: trx }).where('id', agreement.id)
      ).firstOrFail()
      const company = await lockedForUpdate(
        Company.query({ client: trx }).where('id', locked.companyId)
      ).firstOrFail()
      // The company's change (hosted, entry date) is recorded around the agreement's.
      await AuditEvent.change(ctx, 'company.hosted', company, trx, () =>
        AuditEvent.change(ctx, 'agreement.activated', locked, trx, () => locked.activate(company))
      )
    })

    session.flash('success', i18n.t('agreements.activated'))
    return response.redirect().toRoute('agreements.show', { id: agreement.id })
  }
}
