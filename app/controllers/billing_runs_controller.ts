import type { HttpContext } from '@adonisjs/core/http'
import Invoice from '#models/invoice'
import InvoicePolicy from '#policies/invoice_policy'
import { billingMonthValidator } from '#validators/invoice'
import { parseMonth } from '#domain/periods'
import { formatMonth } from '#helpers/formatting'

/**
 * The month's billing run (facturation du mois): preparing its drafts, one per company, from
 * the rent roll and the room hours beyond the quota.
 */
export default class BillingRunsController {
  /** Prepares (or prepares again) the month's drafts, then shows the run. */
  async store({ bouncer, request, response, session, i18n }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('manage')
    const { month } = await request.validateUsing(billingMonthValidator)
    const first = parseMonth(month)!
    const report = await Invoice.prepareMonth(first)
    const words = {
      month: formatMonth(first, i18n.locale),
      prepared: report.prepared.length,
      skipped: report.skipped.length,
    }
    session.flash('success', i18n.t('invoices.run.prepared', words))
    if (report.failed.length) {
      session.flash(
        'error',
        i18n.t('invoices.run.failed', {
          companies: report.failed.map((failure) => failure.company.name).join(', '),
        })
      )
    }
    return response.redirect().toRoute('invoices.index', {}, { qs: { month } })
  }
}
