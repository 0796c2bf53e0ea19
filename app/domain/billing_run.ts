import type { DateTime } from 'luxon'
import type { RentRollLine } from '#domain/rent_roll'
import { STANDARD_VAT_RATE_BP, vatCategoryFor } from '#domain/invoice_totals'
import { formatMonth } from '#helpers/formatting'

/**
 * The month's billing run (facturation du mois): what each company's draft invoice bills,
 * from the rent roll (rent and charges prorated by day) and the hours of meeting room it took
 * beyond its quota. Invoices are French documents: their lines are written in French.
 */

/** A line the run writes, in the terms of InvoiceLine (app/models/invoice_line.ts). */
export type PreparedLine = {
  kind: 'rent' | 'charges' | 'room_hours'
  agreementId: number | null
  description: string
  quantityMilli: number
  unit: 'MON' | 'HUR'
  unitPriceCents: number
  vatRateBp: number
  vatCategory: 'S' | 'O'
}

/**
 * The month a run bills by default on a day: the month to come when billing in advance
 * (à échoir), the month past when billing in arrears (à terme échu).
 */
export function monthToBill(day: DateTime, inAdvance: boolean) {
  return day.startOf('month').plus({ months: inAdvance ? 1 : -1 })
}

/**
 * The month whose room hours an invoice bills: hours are billed once used, so an invoice in
 * advance bills the month before its own, an invoice in arrears its own month.
 */
export function roomHoursMonth(billedMonth: DateTime, inAdvance: boolean) {
  return billedMonth.startOf('month').minus({ months: inAdvance ? 1 : 0 })
}

/** The minutes booked beyond the quota (none when within it). */
export function minutesBeyondQuota(bookedMinutes: number, quotaMinutes: number) {
  return Math.max(0, bookedMinutes - quotaMinutes)
}

/** The days billed, when a line covers part of the month only: " (12 jours sur 31)". */
function partOfMonth(line: RentRollLine, daysInMonth: number) {
  return line.days < daysInMonth ? ` (${line.days}\u00a0jours sur ${daysInMonth})` : ''
}

/**
 * A company's lines for a month: for each of its agreements, its rent and its charges (each
 * when not nil, prorated by day, at the standard VAT rate); then its room hours beyond the
 * quota at the hourly price (none when the price is 0). The deposit is not revenue: never billed.
 */
export function preparedLines(
  month: DateTime,
  roll: RentRollLine[],
  roomHours: { minutesBeyond: number; hourPriceCents: number; month: DateTime }
): PreparedLine[] {
  const daysInMonth = month.daysInMonth!
  const label = formatMonth(month, 'fr')
  const taxed = { vatRateBp: STANDARD_VAT_RATE_BP, vatCategory: vatCategoryFor(2000) as 'S' }
  const lines: PreparedLine[] = []
  for (const line of roll) {
    const cells = line.agreement.cells.map((cell) => cell.code).join(', ')
    const part = partOfMonth(line, daysInMonth)
    if (line.rentCents > 0) {
      lines.push({
        kind: 'rent',
        agreementId: line.agreement.id,
        description: `Loyer ${label}, ${line.agreement.cells.length > 1 ? 'cellules' : 'cellule'} ${cells}${part}`,
        quantityMilli: 1000,
        unit: 'MON',
        unitPriceCents: line.rentCents,
        ...taxed,
      })
    }
    if (line.chargesCents > 0) {
      lines.push({
        kind: 'charges',
        agreementId: line.agreement.id,
        description: `Charges ${label}, ${line.agreement.cells.length > 1 ? 'cellules' : 'cellule'} ${cells}${part}`,
        quantityMilli: 1000,
        unit: 'MON',
        unitPriceCents: line.chargesCents,
        ...taxed,
      })
    }
  }
  if (roomHours.minutesBeyond > 0 && roomHours.hourPriceCents > 0) {
    lines.push({
      kind: 'room_hours',
      agreementId: null,
      description: `Heures de salle de réunion au-delà du forfait, ${formatMonth(roomHours.month, 'fr')}`,
      quantityMilli: Math.round((roomHours.minutesBeyond * 1000) / 60),
      unit: 'HUR',
      unitPriceCents: roomHours.hourPriceCents,
      ...taxed,
    })
  }
  return lines
}
