import { test } from '@japa/runner'
import fc from 'fast-check'
import {
  invoiceTotals,
  lineAmounts,
  roundHalfAway,
  toMilli,
  vatCategoryFor,
  VAT_RATES_BP,
} from '#domain/invoice_totals'

const line = fc.record({
  quantityMilli: fc.integer({ min: 1, max: 1_000_000 }),
  unitPriceCents: fc.integer({ min: -10_000_000, max: 10_000_000 }),
  vatRateBp: fc.constantFrom(...VAT_RATES_BP),
})

/** Lines with their rounded amounts, as an invoice stores them. */
const priced = (lines: { quantityMilli: number; unitPriceCents: number; vatRateBp: number }[]) =>
  lines.map((entry) => ({ ...entry, ...lineAmounts(entry) }))

test.group('Invoice totals: one line', () => {
  test('net = quantity × unit price, VAT = net × rate, each rounded to the cent', ({ assert }) => {
    assert.deepEqual(
      lineAmounts({ quantityMilli: 1000, unitPriceCents: 43_000, vatRateBp: 2000 }),
      {
        netCents: 43_000,
        vatCents: 8600,
      }
    )
    // 1.5 h at 12.35 € = 18.525 € → 18.53 €; VAT 20 % of 18.53 € = 3.706 € → 3.71 €.
    assert.deepEqual(lineAmounts({ quantityMilli: 1500, unitPriceCents: 1235, vatRateBp: 2000 }), {
      netCents: 1853,
      vatCents: 371,
    })
    // 5.5 % of 10.10 € = 0.5555 € → 0.56 €.
    assert.deepEqual(lineAmounts({ quantityMilli: 1000, unitPriceCents: 1010, vatRateBp: 550 }), {
      netCents: 1010,
      vatCents: 56,
    })
    assert.deepEqual(lineAmounts({ quantityMilli: 2000, unitPriceCents: 5000, vatRateBp: 0 }), {
      netCents: 10_000,
      vatCents: 0,
    })
  })

  test('halves round away from zero, the same both ways', ({ assert }) => {
    assert.equal(roundHalfAway(2.5), 3)
    assert.equal(roundHalfAway(-2.5), -3)
    assert.equal(roundHalfAway(-2.4), -2)
    assert.deepEqual(lineAmounts({ quantityMilli: 500, unitPriceCents: -5, vatRateBp: 2000 }), {
      netCents: -3,
      vatCents: -1,
    })
  })

  test('quantities in thousandths; the VAT category follows the rate', ({ assert }) => {
    assert.equal(toMilli(1.5), 1500)
    assert.equal(toMilli(0.3333), 333)
    assert.equal(vatCategoryFor(2000), 'S')
    assert.equal(vatCategoryFor(0), 'O')
    assert.equal(vatCategoryFor(0, 'E'), 'E')
  })
})

test.group('Invoice totals: properties', () => {
  test('the totals are the sums of the rounded lines, and gross = net + VAT', ({ assert }) => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const rows = priced(lines)
        const totals = invoiceTotals(rows)
        assert.equal(
          totals.netCents,
          rows.reduce((sum, row) => sum + row.netCents, 0)
        )
        assert.equal(
          totals.vatCents,
          rows.reduce((sum, row) => sum + row.vatCents, 0)
        )
        assert.equal(totals.grossCents, totals.netCents + totals.vatCents)
        for (const value of [totals.netCents, totals.vatCents, totals.grossCents]) {
          assert.isTrue(Number.isInteger(value))
        }
      })
    )
  })

  test('the VAT per rate sums to the VAT, its bases to the net, one entry per rate', ({
    assert,
  }) => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const totals = invoiceTotals(priced(lines))
        assert.equal(
          totals.vatByRate.reduce((sum, rate) => sum + rate.vatCents, 0),
          totals.vatCents
        )
        assert.equal(
          totals.vatByRate.reduce((sum, rate) => sum + rate.baseCents, 0),
          totals.netCents
        )
        const rates = totals.vatByRate.map((rate) => rate.rateBp)
        assert.deepEqual(
          rates,
          [...new Set(lines.map((entry) => entry.vatRateBp))].sort((a, b) => b - a)
        )
      })
    )
  })

  test("a credit note's totals are the negatives of its invoice's", ({ assert }) => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const invoice = invoiceTotals(priced(lines))
        const credit = invoiceTotals(
          priced(lines.map((entry) => ({ ...entry, unitPriceCents: -entry.unitPriceCents })))
        )
        assert.equal(credit.netCents, -invoice.netCents)
        assert.equal(credit.vatCents, -invoice.vatCents)
        assert.equal(credit.grossCents, -invoice.grossCents)
        assert.deepEqual(
          credit.vatByRate,
          invoice.vatByRate.map((rate) => ({
            rateBp: rate.rateBp,
            baseCents: 0 - rate.baseCents,
            vatCents: 0 - rate.vatCents,
          }))
        )
      })
    )
  })

  test("a line's VAT is within half a cent of its net × rate", ({ assert }) => {
    fc.assert(
      fc.property(line, (entry) => {
        const { netCents, vatCents } = lineAmounts(entry)
        assert.isAtMost(Math.abs(vatCents - (netCents * entry.vatRateBp) / 10_000), 0.5)
        assert.isAtMost(
          Math.abs(netCents - (entry.quantityMilli * entry.unitPriceCents) / 1000),
          0.5
        )
      })
    )
  })
})
