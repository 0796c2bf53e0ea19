import vine from '@vinejs/vine'
import { SERVICE_UNITS, VAT_CHOICES } from '#models/service'
import { euros, typedText } from '#validators/rules'

/**
 * A manager adds or edits a service of the catalogue: its unit price in euros (at most
 * 10 000 € a unit), its VAT (a rate, or none with the reason the invoice states).
 */
export const serviceValidator = vine.create({
  name: typedText().minLength(2).maxLength(120),
  description: typedText().maxLength(500).optional(),
  unit: vine.enum(Object.keys(SERVICE_UNITS) as (keyof typeof SERVICE_UNITS)[]),
  unitPrice: euros(10_000),
  vat: vine.enum(Object.keys(VAT_CHOICES) as (keyof typeof VAT_CHOICES)[]),
  vatExemptionReason: typedText()
    .minLength(5)
    .maxLength(255)
    .optional()
    .requiredWhen((field) => ['exempt', 'outside'].includes(field.parent.vat)),
})
