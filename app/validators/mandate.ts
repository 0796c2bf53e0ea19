import vine from '@vinejs/vine'
import { bicRule, calendarDate, ibanRule, typedText } from '#validators/rules'

/** SEPA came into force in 2009: no mandate was signed before. */
const SEPA_YEARS = { min: 2009, max: 2100 }

/**
 * A manager records a mandate a company signed: the account holder (70 characters, as a
 * SEPA file holds), the IBAN (in the SEPA area) and BIC, the day it was signed.
 */
export const mandateValidator = vine.create({
  debtorName: typedText().minLength(2).maxLength(70),
  iban: vine.string().maxLength(64).use(ibanRule()),
  bic: vine.string().maxLength(32).use(bicRule()),
  signedOn: calendarDate(SEPA_YEARS),
})

/** A manager revokes a mandate, saying why. */
export const revocationValidator = vine.create({
  reason: typedText().minLength(3).maxLength(255),
})
