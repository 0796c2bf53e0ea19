import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { isValidSiret, normalizeSiret } from '#domain/siret'
import {
  compactIdentifier,
  isValidCreditorId,
  isSepaIban,
  isValidFrenchVatNumber,
  normalizedBic,
  normalizedIban,
} from '#domain/billing_identifiers'
import { day, INCUBATOR_YEARS, withinYears } from '#domain/periods'
import { hasControlCharacters } from '#helpers/control_characters'

/**
 * The bounds every form field shares, so that nothing a client sends goes past what its
 * column holds or what a page can compute: ids (a signed 32-bit integer), amounts in euros
 * (far inside the cents' integer column), days (the incubator's years).
 */
export const MAX_ID = 2_147_483_647

/** Whether a checkbox sent by a form is ticked (before or after VineJS made it a boolean). */
export function isTicked(value: unknown) {
  return [true, 'true', 'on', '1'].includes(value as string | boolean)
}

/**
 * A text holding control characters is refused: it would go as it is into pages, emails,
 * calendar feeds and logs.
 */
export const noControlCharacters = vine.createRule((value, _options, field) => {
  if (typeof value === 'string' && hasControlCharacters(value)) {
    field.report('The {{ field }} field holds control characters', 'controlCharacters', field)
  }
})

/** A text typed by a person (a name, a title, a reason, notes): trimmed, no control characters. */
export const typedText = () => vine.string().trim().use(noControlCharacters())

/** The id of a record chosen in a form (a select, a checkbox): a positive 32-bit integer. */
/** An email address as people type it: trimmed, lower case, at most 254 characters (RFC 5321). */
export const emailAddress = () => vine.string().trim().toLowerCase().email().maxLength(254)

export const recordId = () => vine.number().withoutDecimals().positive().max(MAX_ID)

/**
 * A SIRET typed with or without spaces; stored as 14 digits, checked with its Luhn key.
 * The message says which is wrong: the number of digits, or the key.
 */
export const siretRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const normalized = normalizeSiret(value)
  field.mutate(normalized, field)
  if (!/^\d{14}$/.test(normalized)) {
    field.report('The {{ field }} field must have 14 digits', 'siretLength', field, {
      count: normalized.length,
    })
  } else if (!isValidSiret(normalized)) {
    field.report('The {{ field }} field has a wrong check key', 'siretKey', field)
  }
})

/**
 * An IBAN typed with or without spaces, in any case; stored in its electronic format when
 * ibantools finds its country's layout and its check digits right, and its country in the
 * SEPA area (euro transfers and direct debits).
 */
export const ibanRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const iban = normalizedIban(value)
  if (!iban) {
    field.report('The {{ field }} field is not an IBAN', 'iban', field)
  } else if (!isSepaIban(iban)) {
    field.report('The {{ field }} field is not in the SEPA area', 'ibanSepa', field)
  } else {
    field.mutate(iban, field)
  }
})

/** A BIC typed with or without spaces, in any case: 8 or 11 characters, stored in capitals. */
export const bicRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const bic = normalizedBic(value)
  if (bic) field.mutate(bic, field)
  else field.report('The {{ field }} field is not a BIC', 'bic', field)
})

/** A French VAT number (FR, its key, the SIREN), typed with or without spaces. */
export const vatNumberRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const compact = compactIdentifier(value)
  field.mutate(compact, field)
  if (!/^FR\d{11}$/.test(compact)) {
    field.report('The {{ field }} field is not a VAT number', 'vatNumber', field)
  } else if (!isValidFrenchVatNumber(compact)) {
    field.report('The {{ field }} field has a wrong key', 'vatNumberKey', field)
  }
})

/** A SEPA creditor identifier (ICS), typed with or without spaces: its layout and check digits. */
export const creditorIdRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const compact = compactIdentifier(value)
  field.mutate(compact, field)
  if (!isValidCreditorId(compact)) {
    field.report('The {{ field }} field is not a creditor identifier', 'creditorId', field)
  }
})

/** A real day (2026-02-30 is not) within a span of years. */
const realDayWithin = vine.createRule((value, years: { min: number; max: number }, field) => {
  if (typeof value !== 'string') return
  const parsed = DateTime.fromISO(value, { zone: 'utc' })
  if (!parsed.isValid) {
    field.report('The {{ field }} field must be a real date', 'calendarDate', field)
  } else if (!withinYears(parsed, years)) {
    field.report('The {{ field }} field is out of range', 'dateRange', field, {
      min: String(years.min),
      max: String(years.max),
    })
  }
})

/**
 * A calendar day typed as YYYY-MM-DD (what <input type="date"> sends), kept as text
 * (bookings read it in Paris time), checked strictly (2026-02-30 is refused) and within the
 * incubator's years unless told otherwise.
 */
export const dayText = (years: { min: number; max: number } = INCUBATOR_YEARS) =>
  vine
    .string()
    .trim()
    .maxLength(10)
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .use(realDayWithin(years))

/** A calendar day checked as dayText, turned into a Luxon date without time zone drift. */
export const calendarDate = (years: { min: number; max: number } = INCUBATOR_YEARS) =>
  dayText(years).transform((value) => day(value))

/**
 * A decimal typed the French way ("18,5") or the English way ("18.5"), with at most
 * two decimals, strictly between min and max; turned into a number.
 */
export const decimalNumber = (options: { min: number; max: number }) =>
  vine
    .string()
    .trim()
    .maxLength(32)
    .regex(/^\d+([.,]\d{1,2})?$/)
    .use(
      vine.createRule((value, _options, field) => {
        if (typeof value !== 'string') return
        const number = Number(value.replace(',', '.'))
        if (!(number > options.min && number <= options.max)) {
          field.report('The {{ field }} field is out of range', 'decimalRange', field, options)
        }
      })()
    )
    .transform((value) => Number(value.replace(',', '.')))

/**
 * An amount in euros typed the French way ("1 234,56") or the English way; at most
 * two decimals, never negative, at most `max` euros (1 000 000 unless told otherwise);
 * turned into integer cents.
 */
export const euros = (max = 1_000_000) =>
  vine
    .string()
    .trim()
    .maxLength(32)
    .regex(/^\d{1,3}([\s\u00a0\u202f]?\d{3})*([.,]\d{1,2})?$|^\d+([.,]\d{1,2})?$/)
    .use(
      vine.createRule((value, _options, field) => {
        if (typeof value !== 'string') return
        if (Number(value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')) > max) {
          field.report('The {{ field }} field is out of range', 'moneyRange', field, { max })
        }
      })()
    )
    .transform((value) =>
      Math.round(Number(value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')) * 100)
    )

/** A wall time typed as HH:MM, 24-hour clock. */
export const wallTime = () =>
  vine
    .string()
    .trim()
    .maxLength(5)
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
