import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { formatters } from '@adonisjs/i18n'
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

test.group("Messages compiled once: the same output as @adonisjs/i18n's own ICU formatter", () => {
  /** Messages in every ICU form the app uses or might, with the values to format them. */
  const CASES: [string, Record<string, any>][] = [
    ['Bonjour', {}],
    ['Bonjour {name}', { name: 'Ada' }],
    ['{count, plural, =0 {aucune} one {# cellule} other {# cellules}}', { count: 0 }],
    ['{count, plural, =0 {aucune} one {# cellule} other {# cellules}}', { count: 1 }],
    ['{count, plural, =0 {aucune} one {# cellule} other {# cellules}}', { count: 1.5 }],
    ['{count, plural, =0 {aucune} one {# cellule} other {# cellules}}', { count: 12345 }],
    ['{count, plural, offset:1 =0 {personne} one {vous} other {vous et # autres}}', { count: 3 }],
    ['{rank, selectordinal, one {#er} other {#e}} étage', { rank: 1 }],
    ['{rank, selectordinal, one {#er} other {#e}} étage', { rank: 2 }],
    ['{rank, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} floor', { rank: 22 }],
    ['{rank, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} floor', { rank: 13 }],
    ['{role, select, manager {gestionnaire} tenant {locataire} other {élu}}', { role: 'tenant' }],
    ['{role, select, manager {gestionnaire} tenant {locataire} other {élu}}', { role: 'x' }],
    ['{n, number}', { n: 1234.5 }],
    ['{n, number, percent}', { n: 0.256 }],
    ['{n, number, ::currency/EUR}', { n: 1234.5 }],
    ['{d, date, long}', { d: new Date(Date.UTC(2017, 6, 5, 12)) }],
    ['{d, time, short}', { d: new Date(Date.UTC(2017, 6, 5, 12, 30)) }],
    ['<b>{name}</b> et <a href="/x">lien</a>', { name: 'Forge' }],
    ["L''apostrophe '{'littérale'}'", {}],
  ]

  test('for plurals, selectordinal, select, numbers, dates and tags, in French and English', async ({
    assert,
  }) => {
    const makeReference = await formatters.icu().resolver(app)
    const reference = makeReference(i18nManager.config)
    assert.deepEqual(
      (reference.constructor as unknown as { customFormats: object }).customFormats,
      {},
      "the package's formatter has custom formats: CompiledIcuFormatter does not apply them"
    )
    const compiled = new CompiledIcuFormatter()
    for (const locale of ['fr', 'en']) {
      for (const [message, values] of CASES) {
        const expected = reference.format(message, locale, values)
        // Twice: compiled, then from what was compiled.
        assert.equal(compiled.format(message, locale, values), expected, `${locale}: ${message}`)
        assert.equal(compiled.format(message, locale, values), expected, `${locale}: ${message}`)
      }
    }
  })

  test('is the formatter the app is configured with (config/i18n.ts)', ({ assert }) => {
    assert.instanceOf(i18nManager.getFormatter(), CompiledIcuFormatter)
  })
})

test.group('French elision before a value', () => {
  test('de, que, le and la lose their vowel before a value that starts with one', ({ assert }) => {
    const formatter = new CompiledIcuFormatter()
    const fr = (message: string, data: Record<string, unknown>) =>
      formatter.format(message, 'fr', data)
    assert.equal(
      fr('Résilier la convention de {company}', { company: 'Atelier Numérique' }),
      "Résilier la convention d'Atelier Numérique"
    )
    assert.equal(fr('Semaine de la {room}', { room: 'Escaut' }), "Semaine de l'Escaut")
    assert.equal(fr('De {name} : rien', { name: 'Écume' }), "D'Écume : rien")
    // Not before a consonant, a number or an aspirated-or-mute h; never in English.
    assert.equal(fr('La fiche de {name}', { name: 'Boréal' }), 'La fiche de Boréal')
    assert.equal(fr('Le {date}', { date: '1er mars' }), 'Le 1er mars')
    assert.equal(
      fr('Coordonnées de {name}', { name: 'Hainaut Bois' }),
      'Coordonnées de Hainaut Bois'
    )
    assert.equal(
      formatter.format('The agreement of {company}', 'en', { company: 'Atelier' }),
      'The agreement of Atelier'
    )
    // The message's own words are left alone.
    assert.equal(fr('Liste de entrées {n}', { n: 'Aucune' }), 'Liste de entrées Aucune')
  })
})

test.group("The app's French plurals", () => {
  test('hours left agree with their number', ({ assert }) => {
    const fr = i18nManager.locale('fr')
    const left = (hours: number, text: string) =>
      fr.t('bookings.quota.left', { hours, left: text, quota: '2' }).replace(/\u00a0/g, ' ')
    assert.equal(left(0, '0'), 'aucune heure restante sur 2 h')
    assert.equal(left(1, '1'), '1 h restante sur 2 h')
    assert.equal(left(1.5, '1,5'), '1,5 h restante sur 2 h')
    assert.equal(left(2, '2'), '2 h restantes sur 2 h')
  })
})
