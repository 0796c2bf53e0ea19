import { test } from '@japa/runner'
import i18nManager from '@adonisjs/i18n/services/main'
import { CompiledIcuFormatter } from '#helpers/i18n_formatter'

test.group('Messages compiled once', () => {
  test('the same message with other values gives other text (values are never kept)', ({
    assert,
  }) => {
    const formatter = new CompiledIcuFormatter()
    const message =
      '{count, plural, =0 {aucune cellule} one {# cellule} other {# cellules}} à {place}'
    assert.equal(
      formatter.format(message, 'fr', { count: 0, place: 'Anzin' }),
      'aucune cellule à Anzin'
    )
    assert.equal(
      formatter.format(message, 'fr', { count: 1, place: 'Valenciennes' }),
      '1 cellule à Valenciennes'
    )
    assert.equal(
      formatter.format(message, 'fr', { count: 1234, place: 'Valenciennes' }),
      '1\u202f234 cellules à Valenciennes'
    )
    assert.equal(formatter.format('{n, number}', 'en', { n: 1234.5 }), '1,234.5')
    assert.equal(formatter.format('<b>{name}</b>', 'fr', { name: 'Forge' }), '<b>Forge</b>')
  })

  test("the app's translations go through it", ({ assert }) => {
    const fr = i18nManager.locale('fr')
    assert.equal(fr.t('timeline.show'), 'Afficher')
    assert.include(
      fr.t('plan.title', { building: 'Nouvelle Forge', date: '5 juillet 2017' }),
      'Nouvelle Forge'
    )
  })
})
