/**
 * SIRET numbers: 14 digits, the first 9 being the company's SIREN.
 * Both carry a Luhn key. La Poste's establishments are the known exception:
 * their SIRETs (SIREN 356 000 000) have a digit sum divisible by 5 instead.
 */
const LA_POSTE_SIREN = '356000000'

/** Removes the spaces and dots people type in SIRET numbers. */
export function normalizeSiret(value: string) {
  return value.replace(/[\s.\u00a0\u202f]/g, '')
}

/** The Luhn checksum used by SIREN and SIRET numbers. */
export function hasValidLuhnKey(digits: string) {
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/** Whether a 14-digit string is a valid SIRET, La Poste's rule included. */
export function isValidSiret(value: string) {
  if (!/^\d{14}$/.test(value)) return false
  if (value.startsWith(LA_POSTE_SIREN)) {
    const digitSum = [...value].reduce((sum, digit) => sum + Number(digit), 0)
    return digitSum % 5 === 0 || hasValidLuhnKey(value)
  }
  return hasValidLuhnKey(value) && hasValidLuhnKey(value.slice(0, 9))
}

/** The SIREN (company number) inside a SIRET (establishment number). */
export function sirenOf(siret: string) {
  return siret.slice(0, 9)
}
