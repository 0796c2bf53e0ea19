import type { HttpContext } from '@adonisjs/core/http'
import Operator from '#models/operator'
import AuditEvent from '#models/audit_event'
import OperatorPolicy from '#policies/operator_policy'
import { operatorValidator } from '#validators/operator'

/**
 * The operator (l'exploitant): who issues the invoices. Managers keep its identity, bank
 * details, creditor identifier, payment terms and account numbers on one page.
 */
export default class OperatorsController {
  /** The operator's form, with its history. */
  async edit({ bouncer, view }: HttpContext) {
    await bouncer.with(OperatorPolicy).authorize('edit')
    const operator = await Operator.current()
    const history = await AuditEvent.historyOf(operator)
    return view.render('pages/operators/edit', { operator, history })
  }

  /** Saves the operator's details and records the change. */
  async update(ctx: HttpContext) {
    const { bouncer, request, response, session, i18n } = ctx
    await bouncer.with(OperatorPolicy).authorize('edit')
    const { latePenaltyRate, ...values } = await request.validateUsing(operatorValidator)
    const operator = await Operator.current()

    await operator.updateDetails({
      ...values,
      addressComplement: values.addressComplement ?? null,
      countryCode: 'FR',
      vatNumber: values.vatNumber ?? null,
      iban: values.iban ?? null,
      bic: values.bic ?? null,
      creditorId: values.creditorId ?? null,
      latePenaltyRateBp: Math.round(latePenaltyRate * 100),
    })

    session.flash('success', i18n.t('operators.saved'))
    return response.redirect().toRoute('operator.edit')
  }
}
