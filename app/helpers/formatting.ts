import { DateTime } from 'luxon'
import { LOCAL_ZONE } from '#domain/local_zone'

/** Locale tags used by Intl and Luxon for each UI language. */
const INTL_LOCALES = { fr: 'fr-FR', en: 'en-GB' } as const
type UiLocale = keyof typeof INTL_LOCALES

function intlLocale(locale: string) {
  return INTL_LOCALES[(locale in INTL_LOCALES ? locale : 'fr') as UiLocale]
}

/** Number formats, built once per locale and options (building one costs far more than using it). */
const numberFormats = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: string, options: Intl.NumberFormatOptions) {
  const tag = intlLocale(locale)
  const key = `${tag} ${options.style ?? ''} ${options.maximumFractionDigits ?? ''}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(tag, options)
    numberFormats.set(key, format)
  }
  return format
}

function toDateTime(value: DateTime | Date | string) {
  if (DateTime.isDateTime(value)) return value
  if (value instanceof Date) return DateTime.fromJSDate(value)
  return DateTime.fromISO(value)
}

/** How much of a date to write: "5 juillet 2017", "mercredi 5 juillet 2017", "mer. 5 juil.". */
const DATE_STYLES = {
  long: 'd LLLL yyyy',
  weekday: 'cccc d LLLL yyyy',
  short: 'ccc d LLL',
} as const
export type DateStyle = keyof typeof DATE_STYLES

/**
 * A calendar date, e.g. "5 juillet 2017" (no time zone shift for dates); in French the first
 * of the month is written "1er novembre 2016" ("lundi 1er décembre", "lun. 1er déc.").
 */
export function formatDate(
  value: DateTime | Date | string | null | undefined,
  locale = 'fr',
  style: DateStyle = 'long'
) {
  if (!value) return ''
  const date = toDateTime(value)
  const tag = intlLocale(locale)
  const text = date.setLocale(tag).toFormat(DATE_STYLES[style])
  return tag === 'fr-FR' && date.day === 1 ? text.replace(/(^|\s)1 /, '$11er ') : text
}

/** How much of a month to write: "novembre 2016", "nov. 2016", "nov. 16". */
const MONTH_STYLES = { long: 'LLLL yyyy', short: 'LLL yyyy', compact: 'LLL yy' } as const

/** A month, e.g. "novembre 2016" (from any day of it). */
export function formatMonth(
  value: DateTime | Date | string | null | undefined,
  locale = 'fr',
  style: keyof typeof MONTH_STYLES = 'long'
) {
  if (!value) return ''
  return toDateTime(value).setLocale(intlLocale(locale)).toFormat(MONTH_STYLES[style])
}

/** An instant shown in Europe/Paris, e.g. "29/03/2026 10:00". */
export function formatDateTime(value: DateTime | Date | string | null | undefined, locale = 'fr') {
  if (!value) return ''
  return toDateTime(value)
    .setZone(LOCAL_ZONE)
    .setLocale(intlLocale(locale))
    .toLocaleString(DateTime.DATETIME_SHORT)
}

/** Translates a key with values (the request's i18n). */
export type Translate = (key: string, data?: Record<string, unknown>) => string

/**
 * A span of time in Paris, in words: "le 24 décembre 2026 de 09:00 à 12:00", or over
 * several days "du 24 décembre 2026 à 00:00 au 1er janvier 2027 à 23:45".
 */
export function formatSpan(
  startsAt: DateTime | Date | string,
  endsAt: DateTime | Date | string,
  locale: string,
  t: Translate
) {
  const start = toDateTime(startsAt).setZone(LOCAL_ZONE)
  const end = toDateTime(endsAt).setZone(LOCAL_ZONE)
  const time = (instant: DateTime) => instant.toFormat('HH:mm')
  if (start.hasSame(end, 'day')) {
    return t('app.span_same_day', {
      day: formatDate(start, locale),
      from: time(start),
      to: time(end),
    })
  }
  return t('app.span', {
    fromDay: formatDate(start, locale),
    fromTime: time(start),
    toDay: formatDate(end, locale),
    toTime: time(end),
  })
}

/** Money kept in integer cents, shown as "1 234,56 €". */
export function formatMoney(cents: number, locale = 'fr') {
  return numberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100)
}

/** A number with the locale's separators, e.g. "1 234,5". */
export function formatNumber(value: number, locale = 'fr', maximumFractionDigits = 2) {
  return numberFormat(locale, { maximumFractionDigits }).format(value)
}

/** A share (0.25) as a percentage with the locale's conventions, e.g. "25 %". */
export function formatPercent(share: number, locale = 'fr', maximumFractionDigits = 0) {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(share)
}

/**
 * A SIREN (9 digits) or SIRET (14) grouped as INSEE writes them, with no-break spaces:
 * "812 026 037" and "812 026 037 00018"; anything else as it is.
 */
export function formatSiret(value: string | null | undefined) {
  if (!value) return ''
  const match = /^(\d{3})(\d{3})(\d{3})(\d{5})?$/.exec(value)
  if (!match) return value
  return match.slice(1).filter(Boolean).join('\u00a0')
}
