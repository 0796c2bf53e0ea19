import {
  FormatFactoryService,
  invoiceSchema,
  ValidationService,
  type EInvoiceFormat,
  type Invoice,
} from '@e-invoice-eu/core'
import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js'
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
} from '@cantoo/pdf-lib'
import type { InvoiceDocument, InvoiceDocumentLine, VatCategory } from '#domain/invoice_document'

/** Factur-X profile of every invoice and credit note: EN 16931 (the European norm, "Comfort"). */
export const FACTUR_X_FORMAT = 'Factur-X-EN16931'

/** The name the XML is embedded under, as Factur-X requires. */
export const FACTUR_X_FILE = 'factur-x.xml'

/** Cents as the decimal the XML writes, e.g. 123456 → "1234.56". */
export function decimalAmount(cents: number) {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** Thousandths as a decimal without trailing zeros, e.g. 1500 → "1.5", 2000 → "2". */
export function decimalQuantity(milli: number) {
  const sign = milli < 0 ? '-' : ''
  const abs = Math.abs(milli)
  const fraction = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '')
  return `${sign}${Math.trunc(abs / 1000)}${fraction ? `.${fraction}` : ''}`
}

/** Basis points as a percentage, e.g. 2000 → "20", 550 → "5.5". */
export function decimalRate(rateBp: number) {
  return decimalQuantity(rateBp * 10)
}

const EUR = 'EUR' as const

/** One VAT breakdown group (BG-23): the lines of one category at one rate. */
type VatGroup = {
  category: InvoiceDocumentLine['vatCategory']
  rateBp: number
  baseCents: number
  vatCents: number
  exemptionReason?: string
}

/**
 * The VAT breakdown by category and rate, summed from the lines as the totals are (VAT rounded
 * per line): EN 16931 tells an exempt line (E) from one outside the scope of VAT (O) even at
 * the same 0 % rate.
 */
export function vatBreakdown(lines: InvoiceDocumentLine[]) {
  const groups = new Map<string, VatGroup>()
  for (const line of lines) {
    const key = `${line.vatCategory} ${line.vatRateBp}`
    const group = groups.get(key) ?? {
      category: line.vatCategory,
      rateBp: line.vatRateBp,
      baseCents: 0,
      vatCents: 0,
      exemptionReason: line.vatExemptionReason,
    }
    group.baseCents += line.netCents
    group.vatCents += line.vatCents
    groups.set(key, group)
  }
  return [...groups.values()]
}

/**
 * The document with the signs EN 16931 expects: a credit note (381) says by its type that its
 * amounts are owed back, so they are written positive even where Invoice#credit keeps them as
 * the negative of the invoice's; and a price is never negative (BR-27): a line's sign goes to
 * its quantity.
 */
export function withXmlSigns(doc: InvoiceDocument): InvoiceDocument {
  const flip = doc.kind === 'credit_note' && doc.totals.grossCents < 0 ? -1 : 1
  const signed = (cents: number) => cents * flip + 0
  return {
    ...doc,
    lines: doc.lines.map((line) => ({
      ...line,
      quantityMilli: line.quantityMilli * (line.unitPriceCents < 0 ? -1 : 1) * flip + 0,
      unitPriceCents: Math.abs(line.unitPriceCents),
      netCents: signed(line.netCents),
      vatCents: signed(line.vatCents),
    })),
    totals: {
      netCents: signed(doc.totals.netCents),
      vatByRate: doc.totals.vatByRate.map((rate) => ({
        rateBp: rate.rateBp,
        baseCents: signed(rate.baseCents),
        vatCents: signed(rate.vatCents),
      })),
      vatCents: signed(doc.totals.vatCents),
      grossCents: signed(doc.totals.grossCents),
    },
  }
}

/** The address block of a party, in the library's (UBL) terms. */
function address(party: InvoiceDocument['seller'] | InvoiceDocument['buyer']) {
  const [first, second, ...rest] = party.addressLines
  return {
    ...(first ? { 'cbc:StreetName': first } : {}),
    ...(second ? { 'cbc:AdditionalStreetName': second } : {}),
    ...(rest.length ? { 'cac:AddressLine': { 'cbc:Line': rest.join(', ') } } : {}),
    'cbc:CityName': party.city,
    'cbc:PostalZone': party.postcode,
    'cac:Country': { 'cbc:IdentificationCode': party.countryCode },
  }
}

/** A party's SIREN as its legal registration identifier (scheme 0002), when it has one. */
function legalId(siren: string) {
  return siren ? { 'cbc:CompanyID': siren, 'cbc:CompanyID@schemeID': '0002' } : {}
}

/** Why no VAT is due, when a line does not say (EN 16931 asks a reason of E and O groups). */
export const DEFAULT_EXEMPTION_REASONS: Partial<Record<VatCategory, string>> = {
  E: 'Exonération de TVA',
  O: 'Non soumis à la TVA',
}

/** A line's VAT category with its rate. */
function taxCategory(category: VatCategory, rateBp: number) {
  return {
    'cbc:ID': category,
    'cbc:Percent': decimalRate(rateBp),
    'cac:TaxScheme': { 'cbc:ID': 'VAT' },
  }
}

/** A VAT breakdown group's category and rate, with the reason when no VAT is due. */
function groupTaxCategory(group: VatGroup) {
  const reason = group.exemptionReason || DEFAULT_EXEMPTION_REASONS[group.category]
  return {
    ...taxCategory(group.category, group.rateBp),
    ...(reason ? { 'cbc:TaxExemptionReason': reason } : {}),
  }
}

/**
 * How the buyer pays: SEPA direct debit (59) under its mandate, else a SEPA credit transfer
 * (58) to the operator's account.
 */
function paymentMeans(doc: InvoiceDocument) {
  if (doc.directDebit) {
    return {
      'cbc:PaymentMeansCode': '59',
      'cbc:PaymentID': doc.number,
      'cac:PaymentMandate': {
        'cbc:ID': doc.directDebit.mandateReference,
        'cac:PayerFinancialAccount': { 'cbc:ID': doc.directDebit.debtorIban },
      },
    }
  }
  return {
    'cbc:PaymentMeansCode': '58',
    'cbc:PaymentID': doc.number,
    ...(doc.seller.iban
      ? {
          'cac:PayeeFinancialAccount': {
            'cbc:ID': doc.seller.iban,
            'cbc:Name': doc.seller.name,
            ...(doc.seller.bic
              ? { 'cac:FinancialInstitutionBranch': { 'cbc:ID': doc.seller.bic } }
              : {}),
          },
        }
      : {}),
  }
}

/**
 * The document in the shape @e-invoice-eu/core reads (UBL names, which it writes as CII):
 * type code 380 or 381, seller and buyer SIREN (scheme 0002) and VAT numbers, payment
 * means, due date, lines, VAT breakdown and totals; a credit note cites its invoice (BT-25).
 */
export function facturXInvoice(document: InvoiceDocument): Invoice {
  const doc = withXmlSigns(document)
  const { seller, buyer, totals } = doc
  // A document with lines outside the scope of VAT names no VAT identifier (BR-O-02).
  const vatIdentified = !doc.lines.some((line) => line.vatCategory === 'O')
  const notes = [
    ...(doc.notes ?? []),
    seller.paymentTermsText,
    seller.latePenaltyText,
    seller.earlyPaymentText,
  ].filter((note) => note.trim() !== '')
  const invoice = {
    'cbc:CustomizationID': 'urn:cen.eu:en16931:2017',
    'cbc:ID': doc.number,
    'cbc:IssueDate': doc.issuedOn,
    'cbc:DueDate': doc.dueOn,
    'cbc:InvoiceTypeCode': doc.kind === 'credit_note' ? '381' : '380',
    ...(notes.length ? { 'cbc:Note': [notes.join('\n')] } : {}),
    'cbc:DocumentCurrencyCode': EUR,
    'cac:InvoicePeriod': { 'cbc:StartDate': doc.period.startsOn, 'cbc:EndDate': doc.period.endsOn },
    ...(doc.creditedInvoice
      ? {
          'cac:BillingReference': [
            {
              'cac:InvoiceDocumentReference': {
                'cbc:ID': doc.creditedInvoice.number,
                'cbc:IssueDate': doc.creditedInvoice.issuedOn,
              },
            },
          ],
        }
      : {}),
    'cac:AccountingSupplierParty': {
      'cac:Party': {
        'cac:PostalAddress': address(seller),
        ...(seller.vatNumber && vatIdentified
          ? {
              'cac:PartyTaxScheme': [
                { 'cbc:CompanyID': seller.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } },
              ],
            }
          : {}),
        'cac:PartyLegalEntity': {
          'cbc:RegistrationName': seller.name,
          ...legalId(seller.siren),
          ...(seller.legalForm ? { 'cbc:CompanyLegalForm': seller.legalForm } : {}),
        },
      },
    },
    'cac:AccountingCustomerParty': {
      'cac:Party': {
        'cac:PostalAddress': address(buyer),
        ...(buyer.vatNumber && vatIdentified
          ? {
              'cac:PartyTaxScheme': {
                'cbc:CompanyID': buyer.vatNumber,
                'cac:TaxScheme': { 'cbc:ID': 'VAT' },
              },
            }
          : {}),
        'cac:PartyLegalEntity': { 'cbc:RegistrationName': buyer.name, ...legalId(buyer.siren) },
        ...(buyer.email ? { 'cac:Contact': { 'cbc:ElectronicMail': buyer.email } } : {}),
      },
    },
    ...(doc.directDebit && seller.creditorId
      ? {
          'cac:PayeeParty': {
            'cac:PartyIdentification': {
              'cbc:ID': seller.creditorId,
              'cbc:ID@schemeID': 'SEPA',
            },
            'cac:PartyName': { 'cbc:Name': seller.name },
          },
        }
      : {}),
    'cac:PaymentMeans': [paymentMeans(doc)],
    'cac:TaxTotal': [
      {
        'cbc:TaxAmount': decimalAmount(totals.vatCents),
        'cbc:TaxAmount@currencyID': EUR,
        'cac:TaxSubtotal': vatBreakdown(doc.lines).map((group) => ({
          'cbc:TaxableAmount': decimalAmount(group.baseCents),
          'cbc:TaxableAmount@currencyID': EUR,
          'cbc:TaxAmount': decimalAmount(group.vatCents),
          'cbc:TaxAmount@currencyID': EUR,
          'cac:TaxCategory': groupTaxCategory(group),
        })),
      },
    ],
    'cac:LegalMonetaryTotal': {
      'cbc:LineExtensionAmount': decimalAmount(totals.netCents),
      'cbc:LineExtensionAmount@currencyID': EUR,
      'cbc:TaxExclusiveAmount': decimalAmount(totals.netCents),
      'cbc:TaxExclusiveAmount@currencyID': EUR,
      'cbc:TaxInclusiveAmount': decimalAmount(totals.grossCents),
      'cbc:TaxInclusiveAmount@currencyID': EUR,
      'cbc:PayableAmount': decimalAmount(totals.grossCents),
      'cbc:PayableAmount@currencyID': EUR,
    },
    'cac:InvoiceLine': doc.lines.map((line, index) => ({
      'cbc:ID': String(index + 1),
      'cbc:InvoicedQuantity': decimalQuantity(line.quantityMilli),
      'cbc:InvoicedQuantity@unitCode': line.unit,
      'cbc:LineExtensionAmount': decimalAmount(line.netCents),
      'cbc:LineExtensionAmount@currencyID': EUR,
      'cac:Item': {
        'cbc:Name': line.description,
        'cac:ClassifiedTaxCategory': taxCategory(line.vatCategory, line.vatRateBp),
      },
      'cac:Price': {
        'cbc:PriceAmount': decimalAmount(line.unitPriceCents),
        'cbc:PriceAmount@currencyID': EUR,
      },
    })),
  }
  return { 'ubl:Invoice': invoice } as unknown as Invoice
}

/** The library logs its progress: only its warnings and errors matter here. */
const quietLogger = {
  log() {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
}

/**
 * The library's Factur-X writer and its invoice schema validator, made once per process:
 * InvoiceService#generate compiles the (large) schema on every call, most of its time, so
 * this does what it does with the validator compiled once.
 */
let writer: { format: EInvoiceFormat; validate: ValidateFunction<Invoice> } | undefined

function facturXWriter() {
  if (!writer) {
    const format = new FormatFactoryService().createFormatService(FACTUR_X_FORMAT, quietLogger)
    const schema = structuredClone(invoiceSchema)
    format.patchSchema(schema)
    const ajv = new Ajv2019({ strict: true, allErrors: true, useDefaults: true })
    writer = { format, validate: ajv.compile<Invoice>(schema) }
  }
  return writer
}

/**
 * Turns a PDF into a Factur-X e-invoice: PDF/A-3 with the CII XML embedded as factur-x.xml
 * (relationship Alternative), its XMP metadata (Factur-X extension schema, conformance level
 * EN 16931) and the sRGB output intent, all written by @e-invoice-eu/core with pdf-lib.
 */
export async function embedFacturX(pdf: Uint8Array, doc: InvoiceDocument) {
  const { format, validate } = facturXWriter()
  const invoice = new ValidationService(quietLogger).validate(
    'invoice data',
    validate,
    facturXInvoice(doc)
  )
  format.fillInvoiceDefaults(invoice)
  const result = await format.generate(invoice, {
    format: FACTUR_X_FORMAT,
    lang: 'fr-fr',
    pdf: { buffer: pdf, filename: `${doc.number}.pdf`, mimetype: 'application/pdf' },
  })
  if (typeof result === 'string') throw new Error('Factur-X: expected a PDF, got text')
  return corrected(result, doc)
}

/** What a string becomes when each character is written as its lowest byte. */
function asLowBytes(text: string) {
  return Array.from(text, (char) => String.fromCharCode(char.charCodeAt(0) & 0xff)).join('')
}

/** The five characters XML escapes. */
function xmlEscaped(text: string) {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
}

const BOM_AS_BYTES = '\u00ef\u00bb\u00bf'

/**
 * The XMP packet in UTF-8, as its header says it is: @e-invoice-eu/core 2.3 writes it one
 * byte per character, which would make "Créatives" in the seller's name invalid UTF-8 (and
 * the PDF not PDF/A). The texts it took from the document are put back whole.
 */
export function utf8Packet(written: Uint8Array, texts: string[]) {
  let packet = Buffer.from(written).toString('latin1')
  if (![...packet.replace(BOM_AS_BYTES, '')].some((char) => char.charCodeAt(0) > 0x7f)) {
    return Buffer.from(written).toString('utf8')
  }
  packet = packet.replace(BOM_AS_BYTES, '\ufeff')
  for (const text of texts.flatMap((value) => [value, xmlEscaped(value)])) {
    packet = packet.replaceAll(asLowBytes(text), text)
  }
  return packet
}

/** The text of the first XMP element the pattern finds, its XML entities decoded. */
function xmpValue(packet: string, pattern: RegExp) {
  const value = packet.match(pattern)?.[1]
  if (value === undefined) return undefined
  return value
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&')
}

/**
 * Makes the document information dictionary say what the XMP packet says, as PDF/A asks
 * (the library writes a different title, creator and producer in each, and keywords in one).
 */
function infoFromXmp(document: PDFDocument, packet: string) {
  const title = xmpValue(packet, /<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]*)</)
  const author = xmpValue(packet, /<dc:creator>\s*<rdf:Seq>\s*<rdf:li[^>]*>([^<]*)</)
  const subject = xmpValue(packet, /<dc:description>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]*)</)
  const creator = xmpValue(packet, /<xmp:CreatorTool>([^<]*)</)
  const producer = xmpValue(packet, /<pdf:Producer>([^<]*)</)
  if (title !== undefined) document.setTitle(title)
  if (author !== undefined) document.setAuthor(author)
  if (subject !== undefined) document.setSubject(subject)
  if (creator !== undefined) document.setCreator(creator)
  if (producer !== undefined) document.setProducer(producer)
  const info = document.context.lookup(document.context.trailerInfo.Info)
  if (info instanceof PDFDict) info.delete(PDFName.of('Keywords'))
}

/**
 * The CII XML with the invoice a credit note cites (BT-25, BT-26), which @e-invoice-eu/core 2.3
 * drops: it is the last part of the header settlement, as the CII schema orders it.
 */
export function withCreditedInvoice(xml: string, doc: InvoiceDocument) {
  const credited = doc.creditedInvoice
  if (!credited || xml.includes('<ram:InvoiceReferencedDocument>')) return xml
  const reference =
    '<ram:InvoiceReferencedDocument>' +
    `<ram:IssuerAssignedID>${xmlEscaped(credited.number)}</ram:IssuerAssignedID>` +
    '<ram:FormattedIssueDateTime>' +
    `<qdt:DateTimeString format="102">${credited.issuedOn.replaceAll('-', '')}</qdt:DateTimeString>` +
    '</ram:FormattedIssueDateTime>' +
    '</ram:InvoiceReferencedDocument>'
  return xml.replace(
    /(\s*)<\/ram:ApplicableHeaderTradeSettlement>/,
    `$1\t${reference}$1</ram:ApplicableHeaderTradeSettlement>`
  )
}

/**
 * The CII XML with the seller's legal form and capital (BT-33, a French mandatory mention),
 * which @e-invoice-eu/core 2.3 drops (it reads cbc:LegalForm where UBL says
 * cbc:CompanyLegalForm): right after the seller's name, as the CII schema orders it.
 */
export function withLegalForm(xml: string, doc: InvoiceDocument) {
  const legalForm = doc.seller.legalForm.trim()
  if (!legalForm) return xml
  const seller =
    /(<ram:SellerTradeParty>(?:(?!<\/ram:SellerTradeParty>)[\s\S])*?<ram:Name>[^<]*<\/ram:Name>)(\s*)(<ram:Description>)?/
  const match = xml.match(seller)
  if (!match || match[3]) return xml
  return xml.replace(
    seller,
    (_, party: string, space: string) =>
      `${party}${space}<ram:Description>${xmlEscaped(legalForm)}</ram:Description>${space}`
  )
}

/** The stream of the file embedded under that name, if any. */
function embeddedFile(document: PDFDocument, name: string) {
  const names = document.catalog
    .lookupMaybe(PDFName.of('Names'), PDFDict)
    ?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict)
    ?.lookupMaybe(PDFName.of('Names'), PDFArray)
  if (!names) return undefined
  for (let index = 0; index + 1 < names.size(); index += 2) {
    const key = names.lookup(index)
    if (!(key instanceof PDFString || key instanceof PDFHexString)) continue
    if (key.decodeText() !== name) continue
    const ref = names
      .lookup(index + 1, PDFDict)
      .lookup(PDFName.of('EF'), PDFDict)
      .get(PDFName.of('F'))
    const stream = ref instanceof PDFRef ? document.context.lookup(ref) : undefined
    if (ref instanceof PDFRef && stream instanceof PDFRawStream) return { ref, stream }
  }
  return undefined
}

/**
 * Corrects what @e-invoice-eu/core 2.3 gets wrong, in one pass over its PDF: the XMP packet
 * written in UTF-8, the information dictionary made to agree with it, and in factur-x.xml
 * the seller's legal form and a credit note's reference to its invoice.
 */
async function corrected(pdf: Uint8Array, doc: InvoiceDocument) {
  const document = await PDFDocument.load(pdf, { updateMetadata: false })
  const { context } = document
  const metadataRef = document.catalog.get(PDFName.of('Metadata'))
  const metadata = metadataRef instanceof PDFRef ? context.lookup(metadataRef) : undefined
  if (!(metadataRef instanceof PDFRef) || !(metadata instanceof PDFRawStream)) {
    throw new Error('Factur-X: the PDF has no XMP metadata')
  }
  const packet = utf8Packet(metadata.getContents(), [doc.seller.name])
  const packetBytes = new TextEncoder().encode(packet)
  context.assign(
    metadataRef,
    context.stream(packetBytes, { Type: 'Metadata', Subtype: 'XML', Length: packetBytes.length })
  )
  infoFromXmp(document, packet)
  const attached = embeddedFile(document, FACTUR_X_FILE)
  if (!attached) throw new Error(`Factur-X: ${FACTUR_X_FILE} is not attached`)
  const written = new TextDecoder().decode(decodePDFRawStream(attached.stream).decode())
  const xml = withLegalForm(withCreditedInvoice(written, doc), doc)
  if (xml !== written) {
    const bytes = new TextEncoder().encode(xml)
    const params = attached.stream.dict.lookup(PDFName.of('Params'), PDFDict)
    params.set(PDFName.of('Size'), PDFNumber.of(bytes.length))
    context.assign(
      attached.ref,
      context.flateStream(bytes, {
        Type: 'EmbeddedFile',
        Subtype: attached.stream.dict.get(PDFName.of('Subtype')),
        Params: params,
      })
    )
  }
  return document.save()
}
