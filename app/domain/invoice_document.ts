import type { InvoiceTotals, VatCategory } from '#domain/invoice_totals'

/**
 * An invoice or credit note as a document (the PDF and the Factur-X e-invoice are made from
 * it): plain values, dates as ISO days, money in cents, rates in basis points. Defined here
 * as the billing engineers agreed (docs: billing_common.md), until the documents' own module lands.
 */
export type InvoiceDocument = {
  kind: 'invoice' | 'credit_note'
  number: string
  issuedOn: string
  dueOn: string
  period: { startsOn: string; endsOn: string }
  seller: {
    name: string
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
    creditorId?: string
    paymentTermsText: string
    latePenaltyText: string
    earlyPaymentText: string
  }
  buyer: {
    name: string
    addressLines: string[]
    postcode: string
    city: string
    countryCode: string
    siren: string
    vatNumber?: string
    email?: string
  }
  lines: {
    description: string
    quantityMilli: number
    unit: string
    unitPriceCents: number
    vatRateBp: number
    vatCategory: VatCategory
    netCents: number
    vatCents: number
  }[]
  totals: InvoiceTotals
  creditedInvoice?: { number: string; issuedOn: string }
  notes?: string[]
}
