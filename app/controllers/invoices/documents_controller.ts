import type { HttpContext } from '@adonisjs/core/http'
import Invoice from '#models/invoice'
import InvoicePolicy from '#policies/invoice_policy'
import { invoicePdf } from '#documents/invoice_pdf'

/**
 * An issued invoice or credit note as its document: the PDF, a Factur-X e-invoice, made
 * from what was copied at issue (seller and buyer), so that it reads the same every time.
 */
export default class DocumentsController {
  /** The PDF, to download; a draft is not a document yet (404). */
  async show({ bouncer, params, response }: HttpContext) {
    await bouncer.with(InvoicePolicy).authorize('viewList')
    const invoice = await Invoice.query()
      .where('id', params.id)
      .whereNotNull('seller')
      .preload('creditedInvoice')
      .preload('lines')
      .firstOrFail()
    await bouncer.with(InvoicePolicy).authorize('view', invoice)
    const pdf = await invoicePdf(invoice.document())
    response.header('Content-Type', 'application/pdf')
    response.header('Content-Disposition', `attachment; filename="${invoice.number}.pdf"`)
    response.header('Cache-Control', 'private, no-store')
    return response.send(Buffer.from(pdf))
  }
}
