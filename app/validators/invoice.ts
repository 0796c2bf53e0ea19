import vine from '@vinejs/vine'
import { MANUAL_KINDS, LINE_UNITS } from '#models/invoice_line'
import { VAT_RATES_BP } from '#domain/invoice_totals'
import { decimalNumber, euros, recordId, typedText } from '#validators/rules'

/** A form sends one checked box as a value, several as a list: always read a list. */
const asList = (value: unknown) =>
  value === undefined || value === null || Array.isArray(value) ? value : [value]

/** A month as YYYY-MM, between 2000 and 2100. */
const monthText = () =>
  vine
    .string()
    .trim()
    .regex(/^(20\d{2}|2100)-(0[1-9]|1[0-2])$/)

/** The month a manager prepares or issues (the billing run). */
export const billingMonthValidator = vine.create({ month: monthText() })

/** The terms of a line as a manager types them: what, how many, at what price and VAT rate. */
const lineFields = {
  description: typedText().minLength(2).maxLength(255),
  quantity: decimalNumber({ min: 0, max: 100_000 }),
  unit: vine.enum(LINE_UNITS),
  unitPrice: euros(1_000_000),
  vatRateBp: vine.enum(VAT_RATES_BP.map(String)).transform(Number),
}

/** A manager adds a line (a service, another item) to a draft. */
export const createInvoiceLineValidator = vine.create({
  kind: vine.enum(MANUAL_KINDS),
  ...lineFields,
})

/** A manager changes a line of a draft. */
export const updateInvoiceLineValidator = vine.create(lineFields)

/** A manager makes a credit note of some lines of an issued invoice, with the reason. */
export const createCreditNoteValidator = vine.create({
  lineIds: vine.array(recordId()).parse(asList).minLength(1).maxLength(500).distinct(),
  reason: typedText().minLength(3).maxLength(255),
})
