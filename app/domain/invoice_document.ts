import type { InvoiceTotals, VatCategory } from '#domain/invoice_totals'

/**
 * What an invoice or a credit note says, as plain data: everything its PDF and its Factur-X
 * XML are made from, and nothing else (no record, no query). An issued invoice maps to one of
 * these (Invoice#document()); the documents in app/documents only read it.
 *
 * Money is in integer cents, VAT rates in basis points (2000 = 20 %, 550 = 5,5 %, 0 for an
 * exempt line), quantities in thousandths (1 500 = 1,5 h). A credit note's amounts may be the
 * negative of its invoice's (as Invoice#credit makes them) or positive: the PDF shows them as
 * they are, the Factur-X XML writes them positive under type 381.
 */

/** EN 16931 VAT category (UNTDID 5305), defined with the invoice arithmetic. */
export type { VatCategory }

/** Unit of measure (UN/ECE recommendation 20): C62 one (a piece), HUR hour, DAY day, MON month. */
export type UnitCode = 'C62' | 'HUR' | 'DAY' | 'MON'

/** One line: what is sold, how much, at which unit price and VAT rate, and its amounts. */
export type InvoiceDocumentLine = {
  description: string
  quantityMilli: number
  unit: UnitCode
  unitPriceCents: number
  vatRateBp: number
  vatCategory: VatCategory
  /** Why no VAT is due on an E or O line, e.g. "TVA non applicable, art. 261 D du CGI". */
  vatExemptionReason?: string
  netCents: number
  vatCents: number
}

/** The totals, as invoiceTotals() sums them from the lines (rounded per line, then summed). */
export type InvoiceDocumentTotals = InvoiceTotals

/** The operator who invoices (the seller), with every mention French law asks of it. */
export type InvoiceDocumentSeller = {
  name: string
  /** Legal form and share capital, e.g. "SPL au capital de 1 000 000 €". */
  legalForm: string
  addressLines: string[]
  postcode: string
  city: string
  countryCode: string
  siren: string
  siret: string
  vatNumber: string
  iban: string
  bic: string
  /** SEPA creditor identifier (ICS), for direct debits. */
  creditorId?: string
  paymentTermsText: string
  latePenaltyText: string
  earlyPaymentText: string
}

/** The company invoiced (the buyer), at its billing address. */
export type InvoiceDocumentBuyer = {
  name: string
  addressLines: string[]
  postcode: string
  city: string
  countryCode: string
  siren: string
  vatNumber?: string
  email?: string
}

/** An invoice or a credit note, ready to be written as a PDF and a Factur-X XML. */
export type InvoiceDocument = {
  kind: 'invoice' | 'credit_note'
  number: string
  /** ISO dates (yyyy-mm-dd). */
  issuedOn: string
  dueOn: string
  period: { startsOn: string; endsOn: string }
  seller: InvoiceDocumentSeller
  buyer: InvoiceDocumentBuyer
  lines: InvoiceDocumentLine[]
  totals: InvoiceDocumentTotals
  /** The invoice a credit note cancels all or part of. */
  creditedInvoice?: { number: string; issuedOn: string }
  /** Paid by SEPA direct debit under this mandate (RUM), from this account. */
  directDebit?: { mandateReference: string; debtorIban: string }
  notes?: string[]
}
