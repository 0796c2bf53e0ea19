import type {
  InvoiceDocument,
  InvoiceDocumentLine,
  UnitCode,
  VatCategory,
} from '#domain/invoice_document'

/**
 * Invoice documents built by hand for the document tests: amounts rounded per line, then
 * summed, as invoiceTotals() does for the real ones.
 */
export function documentLine(
  description: string,
  quantityMilli: number,
  unit: UnitCode,
  unitPriceCents: number,
  vatRateBp: number,
  vatCategory: VatCategory = 'S',
  vatExemptionReason?: string
): InvoiceDocumentLine {
  const netCents = Math.round((quantityMilli * unitPriceCents) / 1000)
  const vatCents = Math.round((netCents * vatRateBp) / 10000)
  return {
    description,
    quantityMilli,
    unit,
    unitPriceCents,
    vatRateBp,
    vatCategory,
    ...(vatExemptionReason ? { vatExemptionReason } : {}),
    netCents,
    vatCents,
  }
}

/** The totals of some lines: sums of the rounded line amounts, VAT grouped by rate. */
export function documentTotals(lines: InvoiceDocumentLine[]): InvoiceDocument['totals'] {
  const byRate = new Map<number, { rateBp: number; baseCents: number; vatCents: number }>()
  for (const line of lines) {
    const group = byRate.get(line.vatRateBp) ?? {
      rateBp: line.vatRateBp,
      baseCents: 0,
      vatCents: 0,
    }
    group.baseCents += line.netCents
    group.vatCents += line.vatCents
    byRate.set(line.vatRateBp, group)
  }
  const netCents = lines.reduce((sum, line) => sum + line.netCents, 0)
  const vatCents = lines.reduce((sum, line) => sum + line.vatCents, 0)
  return { netCents, vatByRate: [...byRate.values()], vatCents, grossCents: netCents + vatCents }
}

/** The operator of the Nouvelle Forge, with every mention an invoice must carry. */
export const seller: InvoiceDocument['seller'] = {
  name: 'SPL Rives Créatives',
  legalForm: 'Société publique locale au capital de 1\u00a0200\u00a0000\u00a0€',
  addressLines: ['La Nouvelle Forge', '80 rue Michel Rondet'],
  postcode: '59300',
  city: 'Valenciennes',
  countryCode: 'FR',
  siren: '732829320',
  siret: '73282932000074',
  vatNumber: 'FR44732829320',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPPXXX',
  creditorId: 'FR12ZZZ123456',
  paymentTermsText: 'Paiement à 30 jours à compter de la date d’émission.',
  latePenaltyText:
    'Pénalités de retard\u00a0: trois fois le taux d’intérêt légal, exigibles dès le lendemain de l’échéance.',
  earlyPaymentText: 'Pas d’escompte pour paiement anticipé.',
}

/** A hosted company, at its billing address. */
export const buyer: InvoiceDocument['buyer'] = {
  name: 'Atelier Dupré & Fils',
  addressLines: ['Cellule A12', '2 rue des Forges'],
  postcode: '59300',
  city: 'Valenciennes',
  countryCode: 'FR',
  siren: '812345601',
  vatNumber: 'FR27812345601',
  email: 'compta@atelier-dupre.example',
}

/** The lines of a month: rent and charges at 20 %, hours beyond the quota, a 5,5 % line, an exempt one. */
export function monthLines() {
  return [
    documentLine('Loyer cellule A12 — février 2027', 1000, 'MON', 123456, 2000),
    documentLine('Charges cellule A12', 1000, 'MON', 6000, 2000),
    documentLine('Salle de réunion au-delà du forfait', 2500, 'HUR', 1250, 2000),
    documentLine('Ouvrage « Créer son entreprise »', 2000, 'C62', 1899, 550),
    documentLine(
      'Formation professionnelle continue',
      1000,
      'C62',
      30000,
      0,
      'E',
      'Exonération de TVA, article 261-4-4° du CGI'
    ),
  ]
}

/** An invoice for February 2027. */
export function sampleInvoice(lines = monthLines()): InvoiceDocument {
  return {
    kind: 'invoice',
    number: 'F2027-000123',
    issuedOn: '2027-02-01',
    dueOn: '2027-03-03',
    period: { startsOn: '2027-02-01', endsOn: '2027-02-28' },
    seller,
    buyer,
    lines,
    totals: documentTotals(lines),
  }
}

/**
 * A credit note cancelling the charges of that invoice: at the negative of their price, as
 * Invoice#credit makes it.
 */
export function sampleCreditNote(): InvoiceDocument {
  const lines = [documentLine('Charges cellule A12 (annulation)', 1000, 'MON', -6000, 2000)]
  return {
    ...sampleInvoice(lines),
    kind: 'credit_note',
    number: 'A2027-000004',
    issuedOn: '2027-02-10',
    dueOn: '2027-02-10',
    creditedInvoice: { number: 'F2027-000123', issuedOn: '2027-02-01' },
  }
}

/** An invoice of many lines (meeting room hours, one a day), to span several pages. */
export function longInvoice(count: number): InvoiceDocument {
  const lines = Array.from({ length: count }, (_, index) =>
    documentLine(`Salle de réunion, séance n°\u00a0${index + 1}`, 1500, 'HUR', 2000 + index, 2000)
  )
  return { ...sampleInvoice(lines), number: 'F2027-000200' }
}
