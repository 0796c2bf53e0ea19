/**
 * The arithmetic of an invoice (DOMAIN.md, French billing): money in integer cents, VAT
 * rates in basis points (2000 = 20 %), quantities in thousandths (1500 = 1.5 hours), so
 * that no float is ever stored. Each line is rounded on its own (net = quantity × unit
 * price, VAT = net × rate), then the invoice's totals are the sums of its rounded lines:
 * what a reader adds up on the paper is what the totals say. Rounding is half away from
 * zero, so that a credit note (negative amounts) is exactly the negative of its invoice.
 */

/** The EN 16931 VAT categories: S standard, Z zero rate, E exempt, O outside the scope. */
export const VAT_CATEGORIES = ['S', 'Z', 'E', 'O'] as const
export type VatCategory = (typeof VAT_CATEGORIES)[number]

/** The standard French VAT rate, in basis points (rent of offices opted into VAT). */
export const STANDARD_VAT_RATE_BP = 2000

/** The rates a line may take, in basis points: 20 %, 10 %, 5.5 %, 2.1 % and none. */
export const VAT_RATES_BP = [2000, 1000, 550, 210, 0] as const

/** One line as entered: a quantity in thousandths, a unit price in cents, a rate in bp. */
export type LineInput = { quantityMilli: number; unitPriceCents: number; vatRateBp: number }

/** A line's rounded amounts, in cents. */
export type LineAmounts = { netCents: number; vatCents: number }

/** The VAT of one rate: its base and its tax, in cents. */
export type VatByRate = { rateBp: number; baseCents: number; vatCents: number }

/** An invoice's totals, in cents. */
export type InvoiceTotals = {
  netCents: number
  vatByRate: VatByRate[]
  vatCents: number
  grossCents: number
}

/** Rounds to the nearest integer, halves away from zero (-2.5 → -3, as 2.5 → 3). */
export function roundHalfAway(value: number) {
  return Math.sign(value) * Math.round(Math.abs(value))
}

/** A line's net (quantity × unit price) and VAT (net × rate), each rounded to the cent. */
export function lineAmounts(line: LineInput): LineAmounts {
  const netCents = roundHalfAway((line.quantityMilli * line.unitPriceCents) / 1000)
  const vatCents = roundHalfAway((netCents * line.vatRateBp) / 10_000)
  return { netCents: netCents + 0, vatCents: vatCents + 0 }
}

/**
 * The totals of lines whose amounts are rounded: net, VAT per rate (highest rate first) and
 * in all, and gross = net + VAT.
 */
export function invoiceTotals(lines: (LineAmounts & { vatRateBp: number })[]): InvoiceTotals {
  const byRate = new Map<number, VatByRate>()
  for (const line of lines) {
    const rate = byRate.get(line.vatRateBp) ?? { rateBp: line.vatRateBp, baseCents: 0, vatCents: 0 }
    rate.baseCents += line.netCents
    rate.vatCents += line.vatCents
    byRate.set(line.vatRateBp, rate)
  }
  const netCents = lines.reduce((sum, line) => sum + line.netCents, 0)
  const vatCents = lines.reduce((sum, line) => sum + line.vatCents, 0)
  return {
    netCents,
    vatByRate: [...byRate.values()].sort((a, b) => b.rateBp - a.rateBp),
    vatCents,
    grossCents: netCents + vatCents,
  }
}

/** The VAT category of a rate: standard when taxed, else the category given (outside scope by default). */
export function vatCategoryFor(rateBp: number, untaxed: VatCategory = 'O'): VatCategory {
  return rateBp > 0 ? 'S' : untaxed
}

/** A quantity typed as a decimal (1.5) in thousandths (1500). */
export function toMilli(quantity: number) {
  return roundHalfAway(quantity * 1000)
}
