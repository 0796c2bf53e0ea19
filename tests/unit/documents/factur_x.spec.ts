import { test } from '@japa/runner'
import {
  decimalAmount,
  decimalQuantity,
  decimalRate,
  facturXInvoice,
  vatBreakdown,
  withCreditedInvoice,
  withLegalForm,
} from '#documents/factur_x'
import { documentLine, sampleCreditNote, sampleInvoice } from '#tests/support/invoice_documents'

test.group('Factur-X: the numbers as the XML writes them', () => {
  test('cents, thousandths and basis points become decimals with a dot', ({ assert }) => {
    assert.equal(decimalAmount(123456), '1234.56')
    assert.equal(decimalAmount(5), '0.05')
    assert.equal(decimalAmount(0), '0.00')
    assert.equal(decimalAmount(-120), '-1.20')
    assert.equal(decimalQuantity(1500), '1.5')
    assert.equal(decimalQuantity(2000), '2')
    assert.equal(decimalQuantity(1), '0.001')
    assert.equal(decimalRate(2000), '20')
    assert.equal(decimalRate(550), '5.5')
    assert.equal(decimalRate(0), '0')
  })

  test('the VAT breakdown groups lines by category and rate, exempt apart from out of scope', ({
    assert,
  }) => {
    const groups = vatBreakdown([
      documentLine('Loyer', 1000, 'MON', 10001, 2000),
      documentLine('Charges', 1000, 'MON', 10001, 2000),
      documentLine('Livre', 1000, 'C62', 1000, 550),
      documentLine('Formation', 1000, 'C62', 5000, 0, 'E', 'art. 261 du CGI'),
      documentLine('Dépôt de garantie', 1000, 'C62', 90000, 0, 'O', 'Hors champ'),
    ])
    assert.deepEqual(
      groups.map((group) => [group.category, group.rateBp, group.baseCents, group.vatCents]),
      [
        ['S', 2000, 20002, 4000],
        ['S', 550, 1000, 55],
        ['E', 0, 5000, 0],
        ['O', 0, 90000, 0],
      ]
    )
    assert.equal(groups[2].exemptionReason, 'art. 261 du CGI')
  })

  test('no VAT is due without a reason; a deposit outside its scope names no VAT number', ({
    assert,
  }) => {
    const exempt = facturXInvoice(
      sampleInvoice([documentLine('Formation', 1000, 'C62', 5000, 0, 'E')])
    )['ubl:Invoice']
    const category = exempt['cac:TaxTotal']![0]['cac:TaxSubtotal']![0]['cac:TaxCategory']
    assert.equal(category['cbc:TaxExemptionReason'], 'Exonération de TVA')
    assert.property(exempt['cac:AccountingSupplierParty']['cac:Party'], 'cac:PartyTaxScheme')

    const deposit = facturXInvoice(
      sampleInvoice([documentLine('Dépôt de garantie', 1000, 'C62', 90000, 0, 'O')])
    )['ubl:Invoice']
    const outside = deposit['cac:TaxTotal']![0]['cac:TaxSubtotal']![0]['cac:TaxCategory']
    assert.equal(outside['cbc:ID'], 'O')
    assert.equal(outside['cbc:TaxExemptionReason'], 'Non soumis à la TVA')
    assert.notProperty(deposit['cac:AccountingSupplierParty']['cac:Party'], 'cac:PartyTaxScheme')
    assert.notProperty(deposit['cac:AccountingCustomerParty']['cac:Party'], 'cac:PartyTaxScheme')
  })

  test('an invoice is type 380, a credit note 381 citing its invoice', ({ assert }) => {
    const invoice = facturXInvoice(sampleInvoice())['ubl:Invoice']
    assert.equal(invoice['cbc:InvoiceTypeCode'], '380')
    assert.notProperty(invoice, 'cac:BillingReference')
    const credit = facturXInvoice(sampleCreditNote())['ubl:Invoice']
    assert.equal(credit['cbc:InvoiceTypeCode'], '381')
    assert.deepEqual(credit['cac:BillingReference']?.[0]['cac:InvoiceDocumentReference'], {
      'cbc:ID': 'F2027-000123',
      'cbc:IssueDate': '2027-02-01',
    })
  })

  test('a credit note is written in positive amounts, a negative price as a negative quantity', ({
    assert,
  }) => {
    const credit = facturXInvoice(sampleCreditNote())['ubl:Invoice']
    assert.equal(sampleCreditNote().totals.grossCents, -7200)
    assert.equal(credit['cac:LegalMonetaryTotal']['cbc:PayableAmount'], '72.00')
    assert.equal(credit['cac:TaxTotal']![0]['cbc:TaxAmount'], '12.00')
    const line = credit['cac:InvoiceLine'][0]
    assert.equal(line['cbc:InvoicedQuantity'], '1')
    assert.equal(line['cac:Price']['cbc:PriceAmount'], '60.00')
    assert.equal(line['cbc:LineExtensionAmount'], '60.00')

    const discount = documentLine('Remise de bienvenue', 1000, 'C62', -5000, 2000)
    const invoice = facturXInvoice(
      sampleInvoice([documentLine('Loyer', 1000, 'MON', 50000, 2000), discount])
    )['ubl:Invoice']
    const written = invoice['cac:InvoiceLine'][1]
    assert.equal(written['cbc:InvoicedQuantity'], '-1')
    assert.equal(written['cac:Price']['cbc:PriceAmount'], '50.00')
    assert.equal(written['cbc:LineExtensionAmount'], '-50.00')
    assert.equal(invoice['cac:LegalMonetaryTotal']['cbc:PayableAmount'], '540.00')
  })

  test('a direct debit is paid by means 59 under its mandate, else by transfer (58)', ({
    assert,
  }) => {
    const transfer = facturXInvoice(sampleInvoice())['ubl:Invoice']['cac:PaymentMeans']![0]
    assert.equal(transfer['cbc:PaymentMeansCode'], '58')
    assert.equal(transfer['cac:PayeeFinancialAccount']?.['cbc:ID'], 'FR7630006000011234567890189')
    const debited = facturXInvoice({
      ...sampleInvoice(),
      directDebit: { mandateReference: 'RUM-2027-0042', debtorIban: 'FR1420041010050500013M02606' },
    })['ubl:Invoice']
    assert.equal(debited['cac:PaymentMeans']![0]['cbc:PaymentMeansCode'], '59')
    assert.equal(debited['cac:PaymentMeans']![0]['cac:PaymentMandate']?.['cbc:ID'], 'RUM-2027-0042')
  })

  test('the credited invoice goes last in the header settlement, once', ({ assert }) => {
    const xml = [
      '<ram:ApplicableHeaderTradeSettlement>',
      '\t\t\t<ram:SpecifiedTradeSettlementHeaderMonetarySummation/>',
      '\t\t</ram:ApplicableHeaderTradeSettlement>',
    ].join('\n')
    const cited = withCreditedInvoice(xml, sampleCreditNote())
    assert.match(
      cited,
      /<ram:SpecifiedTradeSettlementHeaderMonetarySummation\/>\s*<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>F2027-000123<\/ram:IssuerAssignedID><ram:FormattedIssueDateTime><qdt:DateTimeString format="102">20270201<\/qdt:DateTimeString><\/ram:FormattedIssueDateTime><\/ram:InvoiceReferencedDocument>\s*<\/ram:ApplicableHeaderTradeSettlement>/
    )
    assert.equal(withCreditedInvoice(cited, sampleCreditNote()), cited)
    assert.equal(withCreditedInvoice(xml, sampleInvoice()), xml)
  })

  test("the seller's legal form follows its name, once", ({ assert }) => {
    const xml = [
      '<ram:SellerTradeParty>',
      '\t<ram:Name>SPL &amp; co</ram:Name>',
      '\t<ram:SpecifiedLegalOrganization/>',
      '</ram:SellerTradeParty>',
      '<ram:BuyerTradeParty><ram:Name>Atelier</ram:Name></ram:BuyerTradeParty>',
    ].join('\n')
    const doc = sampleInvoice()
    const written = withLegalForm(xml, { ...doc, seller: { ...doc.seller, legalForm: 'SAS <X>' } })
    assert.include(
      written,
      '<ram:Name>SPL &amp; co</ram:Name>\n\t<ram:Description>SAS &lt;X&gt;</ram:Description>\n\t<ram:SpecifiedLegalOrganization/>'
    )
    assert.include(
      written,
      '<ram:BuyerTradeParty><ram:Name>Atelier</ram:Name></ram:BuyerTradeParty>'
    )
    assert.equal(withLegalForm(written, doc), written)
    assert.equal(withLegalForm(xml, { ...doc, seller: { ...doc.seller, legalForm: ' ' } }), xml)
  })
})
