import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { isValidSiret, normalizeSiret } from '#domain/siret'

/** Whether a checkbox sent by a form is ticked (before or after VineJS made it a boolean). */
export function isTicked(value: unknown) {
  return [true, 'true', 'on', '1'].includes(value as string | boolean)
}

/** A SIRET typed with or without spaces; stored as 14 digits, checked with its Luhn key. */
export const siretRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const normalized = normalizeSiret(value)
  field.mutate(normalized, field)
  if (!isValidSiret(normalized)) {
    field.report('The {{ field }} field must be a valid SIRET', 'siret', field)
  }
})

/**
 * A calendar date typed as YYYY-MM-DD (what <input type="date"> sends), checked
 * strictly (2026-02-30 is refused) and turned into a Luxon date without time zone drift.
 */
export const calendarDate = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .use(
      vine.createRule((value, _options, field) => {
        if (typeof value !== 'string') return
        if (!DateTime.fromISO(value, { zone: 'utc' }).isValid) {
          field.report('The {{ field }} field must be a real date', 'calendarDate', field)
        }
      })()
    )
    .transform((value) => DateTime.fromISO(value, { zone: 'utc' }).startOf('day'))

/**
 * A decimal typed the French way ("18,5") or the English way ("18.5"), with at most
 * two decimals, strictly between min and max; turned into a number.
 */
export const decimalNumber = (options: { min: number; max: number }) =>
  vine
    .string()
    .trim()
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
 * two decimals, never negative; turned into integer cents.
 */
export const euros = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{1,3}([\s\u00a0\u202f]?\d{3})*([.,]\d{1,2})?$|^\d+([.,]\d{1,2})?$/)
    .transform((value) =>
      Math.round(Number(value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')) * 100)
    )

/** A calendar day typed as YYYY-MM-DD, kept as text (bookings read it in Paris time). */
export const dayText = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)

/** A wall time typed as HH:MM, 24-hour clock. */
export const wallTime = () =>
  vine
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
