import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import { historyValue } from '#helpers/history'

/** A recorded change of a kind of record, pointing to the names given. */
function change(subjectType: string, names: Record<string, string> = {}) {
  return {
    subjectType,
    referenceName: (field: string, id: unknown) => names[`${field}:${id}`] ?? null,
  }
}

test.group('History values, as people read them', () => {
  test('names, euros, hours, days and Paris times, in French and in English', ({ assert }) => {
    const fr = i18nManager.locale('fr')
    const en = i18nManager.locale('en')
    const say = (i18n: typeof fr) => (key: string, data?: Record<string, unknown>) =>
      i18n.t(key, data)
    const booking = change('Booking', { 'meetingRoomId:3': 'Salle Escaut' })

    assert.equal(historyValue(booking, 'meetingRoomId', 3, 'fr', say(fr)), 'Salle Escaut')
    assert.equal(
      historyValue(booking, 'startsAt', '2026-12-09T13:00:00.000Z', 'fr', say(fr)),
      '09/12/2026 14:00'
    )
    assert.equal(
      historyValue(booking, 'startsAt', '2026-07-09T12:00:00.000Z', 'fr', say(fr)),
      '09/07/2026 14:00'
    )
    assert.equal(historyValue(booking, 'status', 'cancelled', 'fr', say(fr)), 'Annulée')
    assert.equal(historyValue(booking, 'title', null, 'fr', say(fr)), '∅')

    const agreement = change('Agreement')
    assert.equal(
      historyValue(agreement, 'monthlyChargesCents', 4550, 'fr', say(fr)),
      '45,50\u00a0€'
    )
    assert.equal(
      historyValue(agreement, 'startsOn', '2026-01-01', 'fr', say(fr)),
      '1er janvier 2026'
    )
    assert.equal(historyValue(agreement, 'startsOn', '2026-01-01', 'en', say(en)), '1 January 2026')
    assert.equal(
      historyValue(agreement, 'rentSteps', '1000 / 1150 / 1300', 'en', say(en)),
      '€10.00 / €11.50 / €13.00 per m² per month'
    )

    const company = change('Company')
    assert.equal(historyValue(company, 'bookingQuotaMinutes', 630, 'fr', say(fr)), '10,5\u00a0h')
    assert.equal(historyValue(company, 'archived', false, 'fr', say(fr)), 'non')
    assert.equal(historyValue(change('Agreement'), 'noticeMonths', 3, 'fr', say(fr)), '3 mois')
    assert.equal(historyValue(change('Agreement'), 'noticeMonths', 1, 'en', say(en)), '1 month')
    assert.equal(historyValue(company, 'digital', true, 'en', say(en)), 'yes')
    // An id whose record is gone stays an id rather than vanishing.
    assert.equal(historyValue(company, 'companyId', 76, 'fr', say(fr)), '76')
  })

  test('billing: rates in basis points as percentages, a setting in cents as euros, codes in words', ({
    assert,
  }) => {
    const fr = i18nManager.locale('fr')
    const en = i18nManager.locale('en')
    const say = (i18n: typeof fr) => (key: string, data?: Record<string, unknown>) =>
      i18n.t(key, data)
    const operator = change('Operator')
    assert.equal(historyValue(operator, 'latePenaltyRateBp', 1215, 'fr', say(fr)), '12,15\u00a0%')
    assert.equal(historyValue(operator, 'latePenaltyRateBp', 1000, 'en', say(en)), '10%')
    const setting = change('Setting')
    assert.equal(
      historyValue(setting, 'room_hour_price_cents', '1250', 'fr', say(fr)),
      '12,50\u00a0€'
    )
    assert.equal(
      historyValue(setting, 'billing_in_advance', '0', 'fr', say(fr)),
      'non (à terme échu)'
    )
    const service = change('Service')
    assert.equal(historyValue(service, 'vatCategory', 'O', 'fr', say(fr)), 'hors champ de la TVA')
    assert.equal(historyValue(service, 'unit', 'month', 'en', say(en)), 'per month')
  })
})
