import type { HttpContext } from '@adonisjs/core/http'
import Invoice from '#models/invoice'
import { MANUAL_KINDS, LINE_UNITS } from '#models/invoice_line'
import InvoicePolicy from '#policies/invoice_policy'
import { createInvoiceLineValidator } from '#validators/invoice'
import { toMilli, vatCategoryFor, VAT_RATES_BP } from '#domain/invoice_totals'

/**
 * The lines a manager adds to a draft (a service, another item): kept when the month's run
 * prepares the draft again.
 */
export default class LinesController {
  /** The form of a new line. */
  async create({ bouncer, params, view }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('manage')
    const invoice = await Invoice.query().where('id', params.id).preload('company').firstOrFail()
    await bouncer.with(InvoicePolicy).authorize('editDraft', invoice)
    return view.render('pages/invoices/lines/create', {
      invoice,
      kinds: MANUAL_KINDS,
      units: LINE_UNITS,
      rates: VAT_RATES_BP,
    })
  }

  /** Adds the line and records it on the invoice. */
  async store({ bouncer, params, request, response, session, i18n }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('manage')
    const invoice = await Invoice.findOrFail(params.id)
    const data = await request.validateUsing(createInvoiceLineValidator)
    await invoice.addLine({
      kind: data.kind,
      description: data.description,
      quantityMilli: toMilli(data.quantity),
      unit: data.unit,
      unitPriceCents: data.unitPrice,
      vatRateBp: data.vatRateBp,
      vatCategory: vatCategoryFor(data.vatRateBp, 'E'),
    })
    session.flash('success', i18n.t('invoices.line_added'))
    return response.redirect().toRoute('invoices.show', { id: invoice.id })
  }
}
