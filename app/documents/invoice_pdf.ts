import type { InvoiceDocument } from '#domain/invoice_document'
import { invoiceLayout } from '#documents/invoice_layout'
import { embedFacturX } from '#documents/factur_x'

/**
 * An invoice or credit note as the file the company receives: its A4 PDF in French, made a
 * Factur-X e-invoice (PDF/A-3 carrying the EN 16931 CII XML as factur-x.xml), so that one
 * file is both the printable invoice and the electronic one.
 */
export async function invoicePdf(doc: InvoiceDocument): Promise<Uint8Array> {
  return embedFacturX(await invoiceLayout(doc), doc)
}
