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
    return format.format(data ?? {}) as string
  }
}
