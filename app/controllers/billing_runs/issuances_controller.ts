import type { HttpContext } from '@adonisjs/core/http'
import Invoice from '#models/invoice'
import InvoicePolicy from '#policies/invoice_policy'
import { billingMonthValidator } from '#validators/invoice'
import Setting from '#models/setting'
import { parseMonth, today } from '#domain/periods'
import { monthToBill } from '#domain/billing_run'
import { formatMonth } from '#helpers/formatting'
import { DomainError } from '#exceptions/domain_error'

/**
 * Issuing every draft of a month at once: each gets its number, in its own transaction.
 */
export default class IssuancesController {
  /** The second thought before issuing the month's drafts (a page: it works without JavaScript). */
  async create({ bouncer, request, view }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('manage')
    const inAdvance = (await Setting.number('billing_in_advance')) === 1
    const month = parseMonth(request.input('month')) ?? monthToBill(today(), inAdvance)
    const run = await Invoice.runOf(month)
    const drafts = run.rows.filter((row) => row.invoice.isDraft)
    return view.render('pages/billing_runs/issuances/create', { month, drafts })
  }

  /** Issues the month's drafts; says how many, and which were refused and why. */
  async store({ bouncer, request, response, session, i18n }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('manage')
    const { month } = await request.validateUsing(billingMonthValidator)
    const first = parseMonth(month)!
    const { issued, refused } = await Invoice.issueMonth(first)
    session.flash(
      'success',
      i18n.t('invoices.run.issued', {
        count: issued.length,
        month: formatMonth(first, i18n.locale),
      })
    )
    if (refused.length) {
      session.flash(
        'error',
        refused
          .map(({ invoice, error }) =>
            error instanceof DomainError
              ? i18n.t(error.messageKey, { company: invoice.company.name, ...error.data })
              : invoice.company.name
          )
          .join(' ')
      )
    }
    return response.redirect().toRoute('invoices.index', {}, { qs: { month } })
  }
}
