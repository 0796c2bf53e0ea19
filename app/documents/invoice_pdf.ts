import type { InvoiceDocument } from '#domain/invoice_document'
import { withoutControlCharacters } from '#helpers/control_characters'
import { invoiceLayout } from '#documents/invoice_layout'
import { embedFacturX } from '#documents/factur_x'

/**
 * The document's texts without control characters (forms refuse them, but one stored before
 * would make the XML invalid: XML 1.0 has no NUL, no bell).
 */
export function printable<T>(value: T): T {
  if (typeof value === 'string') return withoutControlCharacters(value) as T
  if (Array.isArray(value)) return value.map((item) => printable(item)) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, printable(item)])
    ) as T
  }
  return value
}

/**
 * An invoice or credit note as the file the company receives: its A4 PDF in French, made a
 * Factur-X e-invoice (PDF/A-3 carrying the EN 16931 CII XML as factur-x.xml), so that one
 * file is both the printable invoice and the electronic one.
 */
export async function invoicePdf(document: InvoiceDocument): Promise<Uint8Array> {
  const doc = printable(document)
  return embedFacturX(await invoiceLayout(doc), doc)
}
