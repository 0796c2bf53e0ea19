import Company from '#models/company'
import Invoice from '#models/invoice'
import { day } from '#domain/periods'
import { createCell, openAgreement } from '#tests/support/agreements'

let sequence = 0

/**
 * A hosted company with a billing address and a signed agreement on one cell (20 m² at
 * 10 €/m², 50 € of charges a month) for 2026 and 2027: its March 2026 invoice bills 200 € of
 * rent and 50 € of charges.
 */
export async function billedCompany(
  name = 'Facturée',
  options: { billingAddress?: string | null } = {}
) {
  sequence += 1
  const company = await Company.create({
    name: `${name} ${sequence}`,
    sector: 'other',
    status: 'hosted',
    enteredOn: day('2026-01-01'),
    siret: null,
    siren: '732829320',
    billingAddress:
      options.billingAddress === undefined
        ? '12 rue des Forges\nBâtiment B'
        : options.billingAddress,
    billingPostcode: '59300',
    billingCity: 'Valenciennes',
    billingCountryCode: 'FR',
    billingEmail: `compta${sequence}@example.test`,
  })
  const cell = await createCell({ areaSqm: 20 })
  const agreement = await openAgreement({
    companyId: company.id,
    cellIds: [cell.id],
    startsOn: day('2026-01-01'),
    endsOn: day('2027-12-31'),
    rentSteps: [1000],
    monthlyChargesCents: 5000,
  })
  agreement.status = 'active'
  await agreement.save()
  return { company, agreement, cell }
}

/** The company's March 2026 draft, prepared by the run. */
export async function marchDraft(company: Company) {
  await Invoice.prepareMonth(day('2026-03-01'), { userId: null, ip: null })
  return Invoice.query()
    .where('company_id', company.id)
    .where('kind', 'invoice')
    .preload('lines', (lines) => lines.orderBy('position'))
    .firstOrFail()
}

/** A new billed company's March 2026 draft. */
export async function newDraft(name?: string) {
  const { company } = await billedCompany(name)
  return marchDraft(company)
}

/**
 * A company given a billing address, a draft invoice with one line and an issued one: the
 * records the route tables (access, hostile inputs) put in their addresses.
 */
export async function draftAndIssuedInvoices(company: Company, year: number) {
  company.merge({
    billingAddress: '1 rue des Forges',
    billingPostcode: '59300',
    billingCity: 'Valenciennes',
  })
  await company.save()
  const line = {
    kind: 'service' as const,
    description: 'Domiciliation',
    quantityMilli: 1000,
    unit: 'C62' as const,
    unitPriceCents: 3000,
    vatRateBp: 2000,
    vatCategory: 'S' as const,
  }
  const newInvoice = () =>
    Invoice.create({
      kind: 'invoice',
      status: 'draft',
      companyId: company.id,
      periodStartsOn: day(`${year}-01-01`),
      periodEndsOn: day(`${year}-01-31`),
    })
  const draftInvoice = await newInvoice()
  const draftInvoiceLine = (await draftInvoice.addLine(line))!
  const issuedInvoice = await newInvoice()
  const issuedInvoiceLine = (await issuedInvoice.addLine(line))!
  await issuedInvoice.issue()
  return { draftInvoice, draftInvoiceLine, issuedInvoice, issuedInvoiceLine }
}
