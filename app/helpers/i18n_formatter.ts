import { IntlMessageFormat } from 'intl-messageformat'
import type { TranslationsFormatterContract } from '@adonisjs/i18n/types'

/** Each message compiled once per locale, for the life of the process (the messages are files). */
const compiled = new Map<string, IntlMessageFormat>()

/**
 * The ICU message formatter of @adonisjs/i18n, compiling each message once: the
 * package's formatter parses the message again at every t() call, and a page calls
 * t() hundreds of times (the benchmark found it in every page's profile). Same output:
 * same ICU syntax, tags ignored, no custom formats. Registered through the package's own
 * option (config/i18n.ts, `formatter`); tests/unit/i18n_formatter.spec.ts compares its
 * output with the package's formatter.
 */
export class CompiledIcuFormatter implements TranslationsFormatterContract {
  readonly name = 'icu'

  /** Formats a message for a locale with its values. */
  format(message: string, locale: string, data?: Record<string, any>) {
    const key = `${locale}\u0000${message}`
    let format = compiled.get(key)
    if (!format) {
      format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true })
      compiled.set(key, format)
    }
    const text = format.format(data ?? {}) as string
    return locale.startsWith('fr') && data ? elided(text, data) : text
  }
}

/** The elided forms of the French words that lose their vowel before one. */
const ELIDED: Record<string, string> = { de: "d'", que: "qu'", le: "l'", la: "l'" }

/** A value that starts with a vowel (a mute h cannot be told from an aspirated one: left). */
const STARTS_WITH_VOWEL = /^[aeiouyàâäéèêëîïôöûùüœæ]/i

/**
 * French elision before a value put in a message (DOMAIN.md): "de Atelier Numérique" is
 * written "d'Atelier Numérique", "la Escaut" "l'Escaut". Only where a value follows one of
 * these words, so the messages' own words are never touched.
 */
export function elided(text: string, data: Record<string, unknown>) {
  let result = text
  for (const value of Object.values(data)) {
    if (typeof value !== 'string' || !STARTS_WITH_VOWEL.test(value)) continue
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    result = result.replace(
      new RegExp(`(^|[\\s«(\u00a0])(de|que|le|la) (${escaped})`, 'giu'),
      (_match, before: string, word: string, name: string) => {
        const short = ELIDED[word.toLowerCase()]
        const cased =
          word[0] === word[0].toUpperCase() ? short[0].toUpperCase() + short.slice(1) : short
        return `${before}${cased}${name}`
      }
    )
  }
  return result
}
