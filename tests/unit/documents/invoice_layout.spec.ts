import { test } from '@japa/runner'
import PDFDocument from 'pdfkit'
import { invoiceLayout } from '#documents/invoice_layout'
import type { InvoiceDocument } from '#domain/invoice_document'
import { typographyProblems } from '#tests/support/typography'
import { longInvoice, sampleCreditNote, sampleInvoice } from '#tests/support/invoice_documents'

/** Every text the layout writes on the PDF, as it hands it to pdfkit. */
async function writtenTexts(doc: InvoiceDocument, locale: 'fr' | 'en') {
  const texts: string[] = []
  const prototype = PDFDocument.prototype as unknown as { text: (...args: unknown[]) => unknown }
  const original = prototype.text
  prototype.text = function (this: unknown, ...args: unknown[]) {
    texts.push(String(args[0]))
    return original.apply(this, args)
  }
  try {
    await invoiceLayout(doc, locale)
  } finally {
    prototype.text = original
  }
  return texts
}

test.group('Invoice PDF layout', () => {
  for (const locale of ['fr', 'en'] as const) {
    test('every text follows the {locale} typography, no key left untranslated')
      .with([{ locale }])
      .run(async ({ assert }, { locale: lang }) => {
        for (const doc of [sampleInvoice(), sampleCreditNote(), longInvoice(40)]) {
          const texts = await writtenTexts(doc, lang)
          assert.isAbove(texts.length, 20)
          assert.deepEqual(typographyProblems(texts.join('\n'), lang), [])
        }
      })
  }

  test('French dates and money carry their no-break spaces', async ({ assert }) => {
    const texts = await writtenTexts(sampleInvoice(), 'fr')
    assert.include(texts, "Date d'émission\u00a0: 1er février 2027")
    assert.include(texts, '1\u202f234,56\u00a0€')
    assert.include(texts, 'Total TTC')
    assert.include(texts, '1\u202f931,04\u00a0€')
    assert.include(texts, 'TVA 5,5\u00a0% sur 37,98\u00a0€')
  })

  test('in English, the same document reads in English', async ({ assert }) => {
    const texts = await writtenTexts(sampleInvoice(), 'en')
    assert.include(texts, 'Invoice No. F2027-000123')
    assert.include(texts, 'Issue date: 1 February 2027')
    assert.include(texts, 'Total incl. VAT')
    assert.include(texts, '€1,931.04')
  })
})
