import type { HttpContext } from '@adonisjs/core/http'
import Invoice from '#models/invoice'
import InvoicePolicy from '#policies/invoice_policy'
import { createCreditNoteValidator } from '#validators/invoice'

/**
 * Credit notes (avoirs) made from an issued invoice: the lines chosen, cancelled at their
 * amounts; a draft, numbered in its own series when issued.
 */
export default class CreditNotesController {
  /** The form: the invoice's lines to credit (all ticked) and the reason. */
  async create({ bouncer, params, view }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('manage')
    const invoice = await Invoice.query()
      .where('id', params.id)
      .preload('company')
      .preload('lines', (lines) => lines.orderBy('position'))
      .firstOrFail()
    await bouncer.with(InvoicePolicy).authorize('credit', invoice)
    return view.render('pages/invoices/credit_notes/create', { invoice })
  }

  /** Makes the draft credit note and shows it. */
  async store({ bouncer, params, request, response, session, i18n }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('manage')
    const invoice = await Invoice.findOrFail(params.id)
    const data = await request.validateUsing(createCreditNoteValidator)
    const note = await invoice.credit(data.lineIds, data.reason)
    session.flash('success', i18n.t('invoices.credit_note_created', { number: invoice.number }))
    return response.redirect().toRoute('invoices.show', { id: note.id })
  }
}
