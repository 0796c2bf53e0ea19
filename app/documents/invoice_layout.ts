import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import i18nManager from '@adonisjs/i18n/services/main'
import { formatDate, formatMoney, formatNumber, formatPercent } from '#helpers/formatting'
import type { InvoiceDocument, InvoiceDocumentLine } from '#domain/invoice_document'
import { vatBreakdown } from '#documents/factur_x'

/**
 * DejaVu Sans (Bitstream Vera licence, from the dejavu-fonts-ttf package): embedded in every
 * PDF, as PDF/A asks, with every glyph French needs (é, ç, « », €, no-break spaces).
 */
const require = createRequire(import.meta.url)
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
}

/** A4 in points, its margins, and the band kept at the foot of each page for the footer. */
const PAGE = { width: 595.28, height: 841.89, margin: 50, footer: 45 }
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin
const BOTTOM = PAGE.height - PAGE.margin - PAGE.footer
const INK = '#111111'
const MUTED = '#555555'
const RULE = '#cccccc'

/** The lines table: each column's left edge (from the margin), width and alignment. */
const COLUMNS = [
  { key: 'description', x: 0, width: 215, align: 'left' },
  { key: 'quantity', x: 215, width: 45, align: 'right' },
  { key: 'unit', x: 265, width: 40, align: 'left' },
  { key: 'unit_price', x: 305, width: 70, align: 'right' },
  { key: 'vat_rate', x: 380, width: 45, align: 'right' },
  { key: 'amount', x: 425, width: 70, align: 'right' },
] as const
const CELL_PADDING = 3
/** Where the title, dates and buyer blocks start, right of the seller's. */
const RIGHT_COLUMN = 310

type Pdf = PDFKit.PDFDocument
type T = (key: string, data?: Record<string, unknown>) => string

/** A VAT rate in words: "20 %", "5,5 %", or why there is none ("exonéré"). */
function rateText(
  line: Pick<InvoiceDocumentLine, 'vatRateBp' | 'vatCategory'>,
  t: T,
  locale: string
) {
  if (line.vatCategory === 'S') return formatPercent(line.vatRateBp / 10000, locale, 2)
  return t(`invoice_documents.exempt.${line.vatCategory}`)
}

/** The cells of one line, as the table writes them. */
function lineCells(line: InvoiceDocumentLine, t: T, locale: string): Record<string, string> {
  return {
    description: line.description,
    quantity: formatNumber(line.quantityMilli / 1000, locale, 3),
    unit: t(`invoice_documents.units.${line.unit}`),
    unit_price: formatMoney(line.unitPriceCents, locale),
    vat_rate: rateText(line, t, locale),
    amount: formatMoney(line.netCents, locale),
  }
}

/** Writes the party that invoices, top left, with its legal mentions; returns where it ends. */
function sellerBlock(pdf: Pdf, doc: InvoiceDocument, t: T) {
  const { seller } = doc
  pdf.font(FONTS.bold).fontSize(12).fillColor(INK).text(seller.name, PAGE.margin, PAGE.margin, {
    width: 250,
  })
  pdf.font(FONTS.regular).fontSize(9)
  for (const text of [
    seller.legalForm,
    ...seller.addressLines,
    `${seller.postcode} ${seller.city}`,
    t('invoice_documents.siren_siret', { siren: seller.siren, siret: seller.siret }),
    t('invoice_documents.vat_number', { number: seller.vatNumber }),
  ]) {
    pdf.text(text, { width: 250 })
  }
  return pdf.y
}

/** Writes the title, dates and period, top right; returns where it ends. */
function titleBlock(pdf: Pdf, doc: InvoiceDocument, t: T, locale: string) {
  const x = RIGHT_COLUMN
  const width = PAGE.width - PAGE.margin - x
  pdf
    .font(FONTS.bold)
    .fontSize(15)
    .fillColor(INK)
    .text(t(`invoice_documents.title.${doc.kind}`, { number: doc.number }), x, PAGE.margin, {
      width,
    })
  pdf.moveDown(0.3).font(FONTS.regular).fontSize(9)
  const lines = [
    t('invoice_documents.issued_on', { date: formatDate(doc.issuedOn, locale) }),
    t('invoice_documents.period', {
      from: formatDate(doc.period.startsOn, locale),
      to: formatDate(doc.period.endsOn, locale),
    }),
    t('invoice_documents.due_on', { date: formatDate(doc.dueOn, locale) }),
  ]
  if (doc.creditedInvoice) {
    lines.push(
      t('invoice_documents.credits', {
        number: doc.creditedInvoice.number,
        date: formatDate(doc.creditedInvoice.issuedOn, locale),
      })
    )
  }
  for (const text of lines) pdf.text(text, x, pdf.y, { width })
  return pdf.y
}

/** Writes the company invoiced, at its billing address, where a window envelope shows it. */
function buyerBlock(pdf: Pdf, doc: InvoiceDocument, t: T, top: number) {
  const { buyer } = doc
  const x = RIGHT_COLUMN
  const width = PAGE.width - PAGE.margin - x
  pdf
    .font(FONTS.regular)
    .fontSize(8)
    .fillColor(MUTED)
    .text(t('invoice_documents.buyer'), x, top, { width })
  pdf.font(FONTS.bold).fontSize(10).fillColor(INK).text(buyer.name, x, pdf.y, { width })
  pdf.font(FONTS.regular).fontSize(9)
  const lines = [
    ...buyer.addressLines,
    `${buyer.postcode} ${buyer.city}`,
    t('invoice_documents.buyer_siren', { siren: buyer.siren }),
  ]
  if (buyer.vatNumber) lines.push(t('invoice_documents.vat_number', { number: buyer.vatNumber }))
  for (const text of lines) pdf.text(text, x, pdf.y, { width })
  return pdf.y
}

/** Sets the font of a table row: the header in small bold, lines in regular. */
function rowFont(pdf: Pdf, header: boolean) {
  return pdf.font(header ? FONTS.bold : FONTS.regular).fontSize(header ? 8 : 9)
}

/** How tall a row is, to move it whole to the next page when it does not fit. */
function rowHeight(pdf: Pdf, cells: Record<string, string>, header: boolean) {
  rowFont(pdf, header)
  const heights = COLUMNS.map((column) =>
    pdf.heightOfString(cells[column.key], { width: column.width - 2 * CELL_PADDING })
  )
  return Math.max(...heights) + 2 * CELL_PADDING
}

/** Writes one row of the table (the header or a line) at y; returns its height. */
function row(pdf: Pdf, cells: Record<string, string>, y: number, header: boolean) {
  const height = rowHeight(pdf, cells, header)
  if (header) pdf.rect(PAGE.margin, y, CONTENT_WIDTH, height).fill('#eeeeee')
  rowFont(pdf, header).fillColor(INK)
  for (const column of COLUMNS) {
    pdf.text(cells[column.key], PAGE.margin + column.x + CELL_PADDING, y + CELL_PADDING, {
      width: column.width - 2 * CELL_PADDING,
      align: column.align,
    })
  }
  pdf
    .moveTo(PAGE.margin, y + height)
    .lineTo(PAGE.margin + CONTENT_WIDTH, y + height)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke()
  return height
}

/** Writes the lines table, over as many pages as it takes (its header on each); returns its end. */
function linesTable(pdf: Pdf, doc: InvoiceDocument, t: T, locale: string, top: number) {
  const header = Object.fromEntries(
    COLUMNS.map((column) => [column.key, t(`invoice_documents.columns.${column.key}`)])
  )
  let y = top
  y += row(pdf, header, y, true)
  for (const line of doc.lines) {
    const cells = lineCells(line, t, locale)
    if (y + rowHeight(pdf, cells, false) > BOTTOM) {
      pdf.addPage()
      y = PAGE.margin
      y += row(pdf, header, y, true)
    }
    y += row(pdf, cells, y, false)
  }
  return y
}

/** Writes the totals: excluding tax, VAT per rate (or why none), including tax. */
function totalsBlock(pdf: Pdf, doc: InvoiceDocument, t: T, locale: string, top: number) {
  const groups = vatBreakdown(doc.lines)
  const rows: [string, string, boolean][] = [
    [t('invoice_documents.net'), formatMoney(doc.totals.netCents, locale), false],
    ...groups.map((group): [string, string, boolean] => {
      const base = formatMoney(group.baseCents, locale)
      const label =
        group.category === 'S'
          ? t('invoice_documents.vat_on', {
              rate: formatPercent(group.rateBp / 10000, locale, 2),
              base,
            })
          : t(`invoice_documents.vat_group.${group.category}`, { base })
      return [label, formatMoney(group.vatCents, locale), false]
    }),
    [
      t(doc.kind === 'credit_note' ? 'invoice_documents.credit_total' : 'invoice_documents.gross'),
      formatMoney(doc.totals.grossCents, locale),
      true,
    ],
  ]
  let y = top + 10
  if (y + rows.length * 16 > BOTTOM) {
    pdf.addPage()
    y = PAGE.margin
  }
  for (const [label, value, bold] of rows) {
    pdf
      .font(bold ? FONTS.bold : FONTS.regular)
      .fontSize(bold ? 10.5 : 9)
      .fillColor(INK)
    pdf.text(label, PAGE.margin + 150, y, { width: 225, align: 'right' })
    pdf.text(value, PAGE.margin + 385, y, { width: 110, align: 'right' })
    y += 16
  }
  const reasons = [...new Set(groups.map((group) => group.exemptionReason).filter(Boolean))]
  pdf.font(FONTS.regular).fontSize(8).fillColor(MUTED)
  for (const reason of reasons) {
    pdf.text(reason!, PAGE.margin + 150, y, { width: 345, align: 'right' })
    y = pdf.y
  }
  return y
}

/** By SEPA direct debit under the company's mandate, or by transfer to the operator's account. */
function howToPay(doc: InvoiceDocument, t: T) {
  const { seller } = doc
  if (doc.directDebit) {
    return t('invoice_documents.direct_debit', {
      iban: doc.directDebit.debtorIban,
      mandate: doc.directDebit.mandateReference,
      creditor: seller.creditorId ?? '',
    })
  }
  return t('invoice_documents.transfer', { iban: seller.iban, bic: seller.bic, number: doc.number })
}

/** Writes how and when to pay, with the penalties and the 40 € indemnity the law asks for. */
function paymentBlock(pdf: Pdf, doc: InvoiceDocument, t: T, locale: string, top: number) {
  const { seller } = doc
  pdf
    .font(FONTS.bold)
    .fontSize(10)
    .fillColor(INK)
    .text(t('invoice_documents.payment'), PAGE.margin, top + 18, { width: CONTENT_WIDTH })
  pdf.moveDown(0.2).font(FONTS.regular).fontSize(8.5)
  const credit = doc.kind === 'credit_note'
  const texts = [
    credit
      ? t('invoice_documents.refund')
      : t('invoice_documents.pay_by', { date: formatDate(doc.dueOn, locale) }),
    seller.paymentTermsText,
    seller.latePenaltyText,
    t('invoice_documents.indemnity'),
    seller.earlyPaymentText,
    // How to pay: nothing to pay on a credit note.
    credit ? '' : howToPay(doc, t),
    ...(doc.notes ?? []),
  ]
  for (const text of texts.filter((value) => value.trim() !== '')) {
    pdf.text(text, PAGE.margin, pdf.y, { width: CONTENT_WIDTH, paragraphGap: 2 })
  }
}

/** Writes the footer of every page: who invoices, and "Page 2 sur 3" when there are several. */
function footers(pdf: Pdf, doc: InvoiceDocument, t: T) {
  const { seller } = doc
  const pages = pdf.bufferedPageRange()
  const identity = [
    seller.name,
    seller.legalForm,
    t('invoice_documents.siren_siret', { siren: seller.siren, siret: seller.siret }),
    t('invoice_documents.vat_number', { number: seller.vatNumber }),
  ].join(' — ')
  for (let index = 0; index < pages.count; index++) {
    pdf.switchToPage(pages.start + index)
    const margins = pdf.page.margins
    pdf.page.margins = { ...margins, bottom: 0 }
    const y = PAGE.height - PAGE.margin - 10
    pdf.font(FONTS.regular).fontSize(7).fillColor(MUTED)
    pdf.text(identity, PAGE.margin, y, { width: CONTENT_WIDTH - 70, lineBreak: true })
    if (pages.count > 1) {
      pdf.text(
        t('invoice_documents.page', { page: index + 1, pages: pages.count }),
        PAGE.width - PAGE.margin - 70,
        y,
        { width: 70, align: 'right' }
      )
    }
    pdf.page.margins = margins
  }
}

/**
 * The invoice or credit note as a printable A4 PDF, in French by default (fonts embedded,
 * ready to become PDF/A-3): the seller and its legal mentions, the buyer, the dates, the lines,
 * the totals and the payment terms. invoicePdf() adds the Factur-X XML to it.
 */
export function invoiceLayout(doc: InvoiceDocument, locale = 'fr'): Promise<Uint8Array> {
  const i18n = i18nManager.locale(locale)
  const t: T = (key, data) => i18n.t(key, data)
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: locale === 'fr' ? 'fr-FR' : 'en-GB',
    font: FONTS.regular,
    info: {
      Title: t(`invoice_documents.title.${doc.kind}`, { number: doc.number }),
      Author: doc.seller.name,
    },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    pdf.on('error', reject)
  })
  const sellerEnd = sellerBlock(pdf, doc, t)
  const titleEnd = titleBlock(pdf, doc, t, locale)
  const buyerEnd = buyerBlock(pdf, doc, t, Math.max(sellerEnd, titleEnd) + 18)
  const tableEnd = linesTable(pdf, doc, t, locale, buyerEnd + 24)
  const totalsEnd = totalsBlock(pdf, doc, t, locale, tableEnd)
  paymentBlock(pdf, doc, t, locale, totalsEnd)
  footers(pdf, doc, t)
  pdf.end()
  return done
}
