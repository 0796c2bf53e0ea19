import type { HttpContext } from '@adonisjs/core/http'
import Invoice from '#models/invoice'
import InvoicePolicy from '#policies/invoice_policy'

/**
 * Issuing one draft: it gets the next number of its series, today's date and its due date,
 * and never changes again.
 */
export default class IssuancesController {
  /** The second thought before issuing (a page, so that it works without JavaScript). */
  async create({ bouncer, params, view }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('manage')
    const invoice = await Invoice.query()
      .where('id', params.id)
      .preload('company')
      .preload('lines')
      .firstOrFail()
    await bouncer.with(InvoicePolicy).authorize('editDraft', invoice)
    return view.render('pages/invoices/issuances/create', { invoice, totals: invoice.totals })
  }

  /** Issues the draft (the model refuses an issued one, or one without a billing address). */
  async store({ bouncer, params, response, session, i18n }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('manage')
    const invoice = await Invoice.findOrFail(params.id)
    await invoice.issue()
    session.flash('success', i18n.t('invoices.issued', { number: invoice.number }))
    return response.redirect().toRoute('invoices.show', { id: invoice.id })
  }
}
