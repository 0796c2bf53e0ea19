import {
  electronicFormatIBAN,
  friendlyFormatIBAN,
  isSEPACountry,
  isValidBIC,
  isValidIBAN,
} from 'ibantools'
import { hasValidLuhnKey } from '#domain/siret'

/**
 * The identifiers an invoice and a direct debit carry: the French VAT number (its key made
 * from the SIREN), the SEPA creditor identifier (ICS, its check digits ISO 7064 mod 97-10 as
 * an IBAN's), IBAN and BIC (checked by ibantools), and the mandate reference (RUM).
 */

/** Removes the spaces, dots and dashes people type in identifiers, and puts letters in capitals. */
export function compactIdentifier(value: string) {
  return value.replace(/[\s.\u00a0\u202f-]/g, '').toUpperCase()
}

/** Whether 9 digits are a SIREN: its Luhn key. */
export function isValidSiren(value: string) {
  return /^\d{9}$/.test(value) && hasValidLuhnKey(value)
}

/** The 2-digit key of a French VAT number: (12 + 3 × (SIREN mod 97)) mod 97. */
export function frenchVatKey(siren: string) {
  return (12 + 3 * (Number(siren) % 97)) % 97
}

/** The French VAT number of a SIREN: FR, its key on two digits, the SIREN. */
export function frenchVatNumber(siren: string) {
  return `FR${String(frenchVatKey(siren)).padStart(2, '0')}${siren}`
}

/**
 * Whether a (compact) French VAT number is well made: FR, a 2-digit key, a SIREN, the key
 * matching the SIREN. (The rare alphabetic keys of the tax office are not accepted.)
 */
export function isValidFrenchVatNumber(value: string) {
  const match = /^FR(\d{2})(\d{9})$/.exec(value)
  return match !== null && isValidSiren(match[2]) && Number(match[1]) === frenchVatKey(match[2])
}

/** The SIREN inside a (compact, valid) French VAT number. */
export function sirenOfVatNumber(value: string) {
  return value.slice(4)
}

/** Letters as ISO 7064 reads them (A = 10 … Z = 35), digits as they are. */
function mod97(text: string) {
  let rest = 0
  for (const character of text) {
    const digits = /\d/.test(character) ? character : String(character.charCodeAt(0) - 55)
    for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97
  }
  return rest
}

/**
 * A SEPA creditor identifier (ICS), compact: country, 2 check digits, a 3-character business
 * code (ZZZ when unused, not in the check), the national identifier (6 characters in France).
 */
const CREDITOR_ID = /^([A-Z]{2})(\d{2})([A-Z0-9]{3})([A-Z0-9]{1,28})$/

/** The check digits of a creditor identifier, from its country and national identifier. */
export function creditorIdCheckDigits(countryCode: string, nationalId: string) {
  return String(98 - mod97(`${nationalId}${countryCode}00`)).padStart(2, '0')
}

/**
 * Whether a (compact) creditor identifier is one: a SEPA country, the layout above (in France
 * a 6-character national identifier) and check digits ISO 7064 mod 97-10.
 */
export function isValidCreditorId(value: string) {
  const match = CREDITOR_ID.exec(value)
  if (!match || value.length > 35) return false
  const [, country, check, , nationalId] = match
  if (!isSEPACountry(country)) return false
  if (country === 'FR' && nationalId.length !== 6) return false
  return mod97(`${nationalId}${country}${check}`) === 1
}

/** An IBAN as typed (spaces, lower case) in its electronic format, or null when it is none. */
export function normalizedIban(value: string) {
  const compact = electronicFormatIBAN(compactIdentifier(value))
  return compact && isValidIBAN(compact) ? compact : null
}

/** Whether an IBAN's country is in the SEPA scheme (a direct debit needs one). */
export function isSepaIban(iban: string) {
  return isSEPACountry(iban.slice(0, 2))
}

/** An IBAN in groups of four, as people read it. */
export function groupedIban(iban: string) {
  return friendlyFormatIBAN(iban) ?? iban
}

/** An IBAN in groups of four with only its last 3 characters shown (for tenants). */
export function maskedIban(iban: string) {
  const hidden = iban.slice(0, 4) + '•'.repeat(iban.length - 7) + iban.slice(-3)
  return hidden.replace(/(.{4})(?=.)/g, '$1 ')
}

/** A BIC as typed, compact and in capitals, or null when it is none (8 or 11 characters). */
export function normalizedBic(value: string) {
  const compact = compactIdentifier(value)
  return isValidBIC(compact) ? compact : null
}

/**
 * The characters a SEPA mandate reference may hold (the EPC's Latin subset), at most 35,
 * never starting or ending with "/", never with "//".
 */
export function isValidMandateReference(value: string) {
  return (
    /^[A-Za-z0-9/?:().,'+ -]{1,35}$/.test(value) &&
    !value.startsWith('/') &&
    !value.endsWith('/') &&
    !value.includes('//')
  )
}

/** A company's nth mandate reference: PNF-<company, 8 digits>-<n, 3 digits> (16 characters). */
export function mandateReference(companyId: number, nth: number) {
  return `PNF-${String(companyId).padStart(8, '0')}-${String(nth).padStart(3, '0')}`
}
