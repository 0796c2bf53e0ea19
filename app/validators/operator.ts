import vine from '@vinejs/vine'
import { normalizeSiret } from '#domain/siret'
import {
  bicRule,
  creditorIdRule,
  decimalNumber,
  ibanRule,
  siretRule,
  typedText,
  vatNumberRule,
} from '#validators/rules'

/** An account number of the French chart of accounts: 3 to 12 digits. */
const accountNumber = () =>
  vine
    .string()
    .trim()
    .maxLength(12)
    .regex(/^\d{3,12}$/)

/**
 * A manager keeps the operator's identity, bank details and terms. Identifiers are typed
 * with or without spaces, in any case, and stored compact; the VAT number must carry the
 * SIRET's SIREN.
 */
export const operatorValidator = vine.create({
  name: typedText().minLength(2).maxLength(160),
  legalForm: typedText().minLength(2).maxLength(120),
  address: typedText().minLength(2).maxLength(120),
  addressComplement: typedText().maxLength(120).optional(),
  postcode: vine
    .string()
    .trim()
    .maxLength(10)
    .regex(/^\d{5}$/),
  city: typedText().minLength(1).maxLength(80),
  siret: vine.string().maxLength(32).use(siretRule()),
  vatNumber: vine
    .string()
    .maxLength(32)
    .use(vatNumberRule())
    .use(
      vine.createRule((value, _options, field) => {
        const siret =
          typeof field.parent.siret === 'string' ? normalizeSiret(field.parent.siret) : null
        if (typeof value !== 'string' || typeof siret !== 'string' || !/^\d{14}$/.test(siret))
          return
        if (value.slice(4) !== siret.slice(0, 9)) {
          field.report('The {{ field }} field does not carry the SIREN', 'vatNumberSiren', field)
        }
      })()
    )
    .optional(),
  iban: vine.string().maxLength(64).use(ibanRule()).optional(),
  bic: vine
    .string()
    .maxLength(32)
    .use(bicRule())
    .optional()
    .requiredWhen((field) => typeof field.parent.iban === 'string' && field.parent.iban !== ''),
  creditorId: vine.string().maxLength(64).use(creditorIdRule()).optional(),
  latePenaltyRate: decimalNumber({ min: -1, max: 50 }),
  earlyPaymentText: typedText().minLength(2).maxLength(255),
  revenueAccount: accountNumber(),
  vatAccount: accountNumber(),
  customersAccount: accountNumber(),
})
