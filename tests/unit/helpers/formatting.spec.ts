import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import {
  formatDate,
  formatDateTime,
  formatSpan,
  formatMoney,
  formatNumber,
  formatSiret,
} from '#helpers/formatting'

/** Intl separates thousands with a narrow no-break space and puts a no-break space before €. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ')

test.group('Formatting for fr-FR', () => {
  test('money in integer cents reads "1 234,56 €"', ({ assert }) => {
    assert.equal(plain(formatMoney(123456)), '1 234,56 €')
    assert.equal(plain(formatMoney(0)), '0,00 €')
    assert.equal(plain(formatMoney(-5)), '-0,05 €')
  })

  test('a calendar date does not shift with the time zone', ({ assert }) => {
    assert.equal(formatDate(DateTime.fromISO('2017-07-05')), '5 juillet 2017')
    assert.equal(formatDate('2016-11-01'), '1er novembre 2016')
    assert.equal(formatDate('2016-11-01', 'en'), '1 November 2016')
    assert.equal(formatDate('2016-11-11'), '11 novembre 2016')
    const say = (key: string, data?: Record<string, unknown>) => `${key} ${JSON.stringify(data)}`
    assert.equal(
      formatSpan('2026-12-24T08:00:00Z', '2026-12-24T11:00:00Z', 'fr', say),
      'app.span_same_day {"day":"24 décembre 2026","from":"09:00","to":"12:00"}'
    )
    assert.equal(
      formatSpan('2026-12-23T23:00:00Z', '2027-01-01T22:45:00Z', 'fr', say),
      'app.span {"fromDay":"24 décembre 2026","fromTime":"00:00","toDay":"1er janvier 2027","toTime":"23:45"}'
    )
    assert.equal(formatDate('2026-12-01', 'fr', 'weekday'), 'mardi 1er décembre 2026')
    assert.equal(formatDate('2026-12-01', 'fr', 'short'), 'mar. 1er déc.')
    assert.equal(formatDate('2026-12-11', 'fr', 'short'), 'ven. 11 déc.')
    assert.equal(formatDate('2026-12-01', 'en', 'weekday'), 'Tuesday 1 December 2026')
    assert.equal(formatDate('2026-12-01', 'en', 'short'), 'Tue 1 Dec')
    assert.equal(formatDate(null), '')
  })

  test('an instant stored in UTC is shown in Europe/Paris, across DST changes', ({ assert }) => {
    // Winter (UTC+1) and summer (UTC+2) on both sides of 2026-03-29.
    assert.equal(formatDateTime(DateTime.fromISO('2026-03-28T09:00:00Z')), '28/03/2026 10:00')
    assert.equal(formatDateTime(DateTime.fromISO('2026-03-30T08:00:00Z')), '30/03/2026 10:00')
    assert.equal(formatDateTime(new Date('2026-10-26T09:00:00Z')), '26/10/2026 10:00')
  })

  test('English is a click away', ({ assert }) => {
    assert.equal(formatDate('2017-07-05', 'en'), '5 July 2017')
    assert.equal(plain(formatNumber(1234.5, 'en')), '1,234.5')
    assert.equal(plain(formatNumber(1234.5, 'fr')), '1 234,5')
  })

  test('SIREN and SIRET are grouped as INSEE writes them, on one line', ({ assert }) => {
    assert.equal(formatSiret('812026037'), '812\u00a0026\u00a0037')
    assert.equal(formatSiret('81202603700018'), '812\u00a0026\u00a0037\u00a000018')
    assert.equal(formatSiret('8120260370001'), '8120260370001')
    assert.equal(formatSiret(null), '')
  })
})
