import { test } from '@japa/runner'
import { hasValidLuhnKey, isValidSiret, normalizeSiret, sirenOf } from '#domain/siret'

test.group('SIRET', () => {
  test('a valid SIRET passes its Luhn key', ({ assert }) => {
    assert.isTrue(isValidSiret('81234560100007'))
    assert.isTrue(isValidSiret('73282932000074'))
  })

  test('a single wrong digit is caught', ({ assert }) => {
    assert.isFalse(isValidSiret('81234560100008'))
    assert.isFalse(isValidSiret('73282932000075'))
  })

  test('the SIREN inside must carry its own Luhn key', ({ assert }) => {
    // 14 digits whose total passes Luhn but whose first 9 digits do not.
    assert.isTrue(hasValidLuhnKey('12345678900007'))
    assert.isFalse(hasValidLuhnKey('123456789'))
    assert.isFalse(isValidSiret('12345678900007'))
  })

  test('only 14 digits', ({ assert }) => {
    assert.isFalse(isValidSiret('8123456010000'))
    assert.isFalse(isValidSiret('812345601000070'))
    assert.isFalse(isValidSiret('8123456O100007'))
    assert.isFalse(isValidSiret(''))
  })

  test("La Poste's establishments follow the sum-divisible-by-5 rule", ({ assert }) => {
    // 35600000049837: digit sum 45, not a Luhn number.
    assert.isFalse(hasValidLuhnKey('35600000049837'))
    assert.isTrue(isValidSiret('35600000049837'))
    // Its head office passes Luhn.
    assert.isTrue(isValidSiret('35600000000048'))
    // Digit sum 46: refused.
    assert.isFalse(isValidSiret('35600000049838'))
  })

  test('spaces and dots are ignored; the SIREN is the first 9 digits', ({ assert }) => {
    assert.equal(normalizeSiret('812 345 601 00007'), '81234560100007')
    assert.equal(normalizeSiret('812.345.601.00007'), '81234560100007')
    assert.equal(sirenOf('81234560100007'), '812345601')
  })
})
