import type { HttpContext } from '@adonisjs/core/http'
import Invoice from '#models/invoice'
import Setting from '#models/setting'
import AuditEvent from '#models/audit_event'
import InvoicePolicy from '#policies/invoice_policy'
import { parseMonth, today } from '#domain/periods'
import { monthToBill } from '#domain/billing_run'

/**
 * Invoices and credit notes: for managers, the month's billing run (its drafts and issued
 * invoices, company by company); for a tenant, its company's issued invoices.
 */
export default class InvoicesController {
  /** The month's run (managers), or the company's invoices and credit notes (tenants). */
  async index({ auth, bouncer, request, view }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('viewList')
    const user = auth.getUserOrFail()
    if (!user.isManager) {
      const invoices = await Invoice.query()
        .withScopes((scopes) => scopes.issued())
        .where('company_id', user.companyId!)
        .orderBy('issued_on', 'desc')
        .orderBy('id', 'desc')
      return view.render('pages/invoices/company', { invoices })
    }
    const inAdvance = (await Setting.number('billing_in_advance')) === 1
    const month = parseMonth(request.input('month')) ?? monthToBill(today(), inAdvance)
    const run = await Invoice.runOf(month)
    return view.render('pages/invoices/index', { month, run, inAdvance })
  }

  /** An invoice or credit note: its lines, totals and VAT per rate; its history for managers. */
  async show({ auth, bouncer, params, view }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('viewList')
    const invoice = await Invoice.query()
      .where('id', params.id)
      .preload('company')
      .preload('creditedInvoice')
      .preload('lines', (lines) => lines.orderBy('position'))
      .firstOrFail()
    await bouncer.with(InvoicePolicy).authorize('view', invoice)
    const isManager = auth.getUserOrFail().isManager
    const [creditNotes, history] = await Promise.all([
      Invoice.query().where('credited_invoice_id', invoice.id).orderBy('id'),
      isManager ? AuditEvent.historyOf(invoice) : [],
    ])
    return view.render('pages/invoices/show', {
      invoice,
      totals: invoice.totals,
      creditNotes: isManager ? creditNotes : creditNotes.filter((note) => note.isIssued),
      history,
    })
  }
}
