import type { DateTime } from 'luxon'
import Company from '#models/company'
import Invoice from '#models/invoice'

/** The demo runs as nobody (a command): the history says "Système". */
const SYSTEM = { userId: null, ip: null }

/**
 * The demo's billing: every company with a billing address in Valenciennes (it had none), the
 * two months before this one billed and issued, the next month prepared as drafts to review.
 * Told once: a second seeding finds invoices and adds nothing.
 */
export async function seedInvoices(day: DateTime) {
  if (await Invoice.query().first()) return
  const companies = await Company.query().whereNull('billing_address').orderBy('id')
  for (const [index, company] of companies.entries()) {
    company.merge({
      billingAddress: `${index + 1} rue des Forges\nRives Créatives de l'Escaut`,
      billingPostcode: '59300',
      billingCity: 'Valenciennes',
      billingCountryCode: 'FR',
    })
    await company.save()
  }
  const thisMonth = day.startOf('month')
  for (const month of [thisMonth.minus({ months: 2 }), thisMonth.minus({ months: 1 })]) {
    await Invoice.prepareMonth(month, SYSTEM)
    await Invoice.issueMonth(month)
  }
  await Invoice.prepareMonth(thisMonth.plus({ months: 1 }), SYSTEM)
}
