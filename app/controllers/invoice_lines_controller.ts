import type { HttpContext } from '@adonisjs/core/http'
import Invoice from '#models/invoice'
import InvoiceLine, { LINE_UNITS } from '#models/invoice_line'
import InvoicePolicy from '#policies/invoice_policy'
import { updateInvoiceLineValidator } from '#validators/invoice'
import { toMilli, vatCategoryFor, VAT_RATES_BP } from '#domain/invoice_totals'

/**
 * A line of a draft: changed or removed by a manager (a draft is not a document yet; each
 * change is recorded on the invoice). A line of an issued invoice never changes.
 */
export default class InvoiceLinesController {
  /** The line's form. */
  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('manage')
    const line = await InvoiceLine.findOrFail(params.id)
    const invoice = await Invoice.query()
      .where('id', line.invoiceId)
      .preload('company')
      .firstOrFail()
    await bouncer.with(InvoicePolicy).authorize('editDraft', invoice)
    return view.render('pages/invoice_lines/edit', {
      line,
      invoice,
      units: LINE_UNITS,
      rates: VAT_RATES_BP,
    })
  }

  /** Saves the line; the invoice's totals follow. */
  async update({ bouncer, params, request, response, session, i18n }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('manage')
    const line = await InvoiceLine.findOrFail(params.id)
    const invoice = await Invoice.findOrFail(line.invoiceId)
    const data = await request.validateUsing(updateInvoiceLineValidator)
    await invoice.changeLine(line.id, {
      description: data.description,
      quantityMilli: toMilli(data.quantity),
      unit: data.unit,
      unitPriceCents: data.unitPrice,
      vatRateBp: data.vatRateBp,
      vatCategory: vatCategoryFor(
        data.vatRateBp,
        line.vatCategory === 'S' ? 'E' : line.vatCategory
      ),
    })
    session.flash('success', i18n.t('invoices.line_changed'))
    return response.redirect().toRoute('invoices.show', { id: invoice.id })
  }

  /** Removes the line from the draft. */
  async destroy({ bouncer, params, response, session, i18n }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('manage')
    const line = await InvoiceLine.findOrFail(params.id)
    const invoice = await Invoice.findOrFail(line.invoiceId)
    await invoice.removeLine(line.id)
    session.flash('success', i18n.t('invoices.line_removed'))
    return response.redirect().toRoute('invoices.show', { id: invoice.id })
  }
}
