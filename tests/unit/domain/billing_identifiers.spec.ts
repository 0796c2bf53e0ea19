import { test } from '@japa/runner'
import fc from 'fast-check'
import {
  compactIdentifier,
  creditorIdCheckDigits,
  frenchVatKey,
  frenchVatNumber,
  groupedIban,
  isValidCreditorId,
  isValidFrenchVatNumber,
  isValidMandateReference,
  isValidSiren,
  mandateReference,
  maskedIban,
  normalizedBic,
  normalizedIban,
} from '#domain/billing_identifiers'
import { hasValidLuhnKey } from '#domain/siret'

/** A SIREN with a valid Luhn key, made from 8 random digits and the key that fits. */
const siren = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }).map((d) => {
  const head = d.join('')
  const key = [...'0123456789'].find((digit) => hasValidLuhnKey(head + digit))!
  return head + key
})

/** Another digit at one position of a text of digits. */
function changeDigit(text: string, position: number, by: number) {
  const index = position % text.length
  const digit = (Number(text[index]) + 1 + (by % 9)) % 10
  return text.slice(0, index) + digit + text.slice(index + 1)
}

test.group('French VAT numbers', () => {
  test('the key is (12 + 3 × (SIREN mod 97)) mod 97', ({ assert }) => {
    // Known numbers: the key of 732829320 is 44 (Société Générale, FR27552120222: 27).
    assert.equal(frenchVatKey('552120222'), 27)
    assert.equal(frenchVatNumber('552120222'), 'FR27552120222')
    assert.equal(frenchVatKey('732829320'), 44)
    assert.isTrue(isValidFrenchVatNumber('FR44732829320'))
  })

  test('a key below 10 is written on two digits', ({ assert }) => {
    const found = fc.sample(siren, 500).find((number) => frenchVatKey(number) < 10)!
    assert.match(frenchVatNumber(found), /^FR0\d\d{9}$/)
    assert.isTrue(isValidFrenchVatNumber(frenchVatNumber(found)))
  })

  test('any valid SIREN makes a VAT number that validates', () => {
    fc.assert(fc.property(siren, (number) => isValidFrenchVatNumber(frenchVatNumber(number))))
  })

  test('changing one digit of the key or the SIREN breaks it', () => {
    fc.assert(
      fc.property(siren, fc.nat(), fc.nat(), (number, position, by) => {
        const vat = frenchVatNumber(number)
        const digits = vat.slice(2)
        const changed = 'FR' + changeDigit(digits, position, by)
        return !isValidFrenchVatNumber(changed)
      })
    )
  })

  test('other shapes are refused', ({ assert }) => {
    assert.isFalse(isValidFrenchVatNumber('fr44732829320'))
    assert.isFalse(isValidFrenchVatNumber('FR 44 732829320'))
    assert.isFalse(isValidFrenchVatNumber('DE44732829320'))
    assert.isFalse(isValidFrenchVatNumber('FR4473282932'))
    // The right key of a SIREN whose Luhn key is wrong.
    assert.isFalse(isValidSiren('732829321'))
    assert.isFalse(isValidFrenchVatNumber(frenchVatNumber('732829321')))
  })
})

test.group('SEPA creditor identifiers (ICS)', () => {
  test('known identifiers pass their check digits', ({ assert }) => {
    // The German Bundesbank's test identifier, and a French one made with its check digits.
    assert.isTrue(isValidCreditorId('DE98ZZZ09999999999'))
    assert.equal(creditorIdCheckDigits('FR', '123456'), '72')
    assert.isTrue(isValidCreditorId('FR72ZZZ123456'))
  })

  test('the business code is not in the check', ({ assert }) => {
    assert.isTrue(isValidCreditorId('FR72ABC123456'))
  })

  test('wrong check digits, a French national identifier not of 6, a non-SEPA country', ({
    assert,
  }) => {
    assert.isFalse(isValidCreditorId('FR12ZZZ123456'))
    assert.isFalse(isValidCreditorId('FR72ZZZ1234567'))
    assert.isFalse(isValidCreditorId('US' + creditorIdCheckDigits('US', '123456') + 'ZZZ123456'))
    assert.isFalse(isValidCreditorId('fr72zzz123456'))
  })

  test('any national identifier with its check digits validates; one changed digit or letter breaks it', () => {
    // A digit swapped for a letter changes the length of the number checked (A = 10): such a
    // change escapes ISO 7064 about once in 97, as for an IBAN; same-kind changes never do.
    const digits = '0123456789'
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    const alphanumeric = fc.constantFrom(...(letters + digits))
    const national = fc.array(alphanumeric, { minLength: 6, maxLength: 6 }).map((c) => c.join(''))
    fc.assert(
      fc.property(national, fc.nat(5), fc.nat(25), (id, position, pick) => {
        const valid = `FR${creditorIdCheckDigits('FR', id)}ZZZ${id}`
        if (!isValidCreditorId(valid)) return false
        const kind = digits.includes(id[position]) ? digits : letters
        const other =
          kind[(kind.indexOf(id[position]) + 1 + (pick % (kind.length - 1))) % kind.length]
        const changed = id.slice(0, position) + other + id.slice(position + 1)
        return !isValidCreditorId(`FR${creditorIdCheckDigits('FR', id)}ZZZ${changed}`)
      }),
      { numRuns: 2000 }
    )
  })
})

test.group('IBAN, BIC and mandate references', () => {
  test('an IBAN typed with spaces and in lower case is stored compact', ({ assert }) => {
    assert.equal(normalizedIban('fr76 3000 6000 0112 3456 7890 189'), 'FR7630006000011234567890189')
    assert.equal(groupedIban('FR7630006000011234567890189'), 'FR76 3000 6000 0112 3456 7890 189')
  })

  test('an IBAN with wrong check digits or lookalike characters is refused', ({ assert }) => {
    assert.isNull(normalizedIban('FR7630006000011234567890188'))
    assert.isNull(normalizedIban('FR76 3000 6000 0112 3456 7890 18９'))
    assert.isNull(normalizedIban('FR76\u00003000'))
    assert.isNull(normalizedIban(''))
  })

  test('tenants see the first 4 and the last 3 characters of an IBAN', ({ assert }) => {
    assert.equal(maskedIban('FR7630006000011234567890189'), 'FR76 •••• •••• •••• •••• •••• 189')
  })

  test('a BIC has 8 or 11 characters', ({ assert }) => {
    assert.equal(normalizedBic('agri fr pp xxx'), 'AGRIFRPPXXX')
    assert.equal(normalizedBic('BNPAFRPP'), 'BNPAFRPP')
    assert.isNull(normalizedBic('BNPAFRP'))
    assert.isNull(normalizedBic('BNPA1RPP'))
  })

  test('generated mandate references hold SEPA characters only, at most 35', ({ assert }) => {
    assert.equal(mandateReference(42, 1), 'PNF-00000042-001')
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_147_483_647 }),
        fc.integer({ min: 1, max: 999 }),
        (id, n) => isValidMandateReference(mandateReference(id, n))
      )
    )
    assert.isFalse(isValidMandateReference('/PNF'))
    assert.isFalse(isValidMandateReference('PNF//1'))
    assert.isFalse(isValidMandateReference('PNF_1'))
    assert.isFalse(isValidMandateReference('x'.repeat(36)))
  })

  test('compact identifiers lose spaces, dots and dashes', ({ assert }) => {
    assert.equal(compactIdentifier(' fr 44-732.829\u00a0320 '), 'FR44732829320')
  })
})
