import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  type Translate,
} from '#helpers/formatting'
import { HISTORY_LABELS } from '#helpers/history_labels'

/** The fields of recorded values that point to another record, and the table of its name. */
export const REFERENCE_TABLES = {
  companyId: 'companies',
  buildingId: 'buildings',
  meetingRoomId: 'meeting_rooms',
} as const
export type ReferenceField = keyof typeof REFERENCE_TABLES

/** What a recorded change needs to be read: its kind of record and the names it points to. */
type RecordedChange = {
  subjectType: string
  referenceName(field: string, id: unknown): string | null
}

/**
 * A recorded value as a person reads it in the history, in their language: a name rather
 * than an id, euros rather than cents, hours rather than minutes, days and Paris times
 * rather than ISO text, coded values in words; "∅" for nothing.
 */
export function historyValue(
  change: RecordedChange,
  field: string,
  value: unknown,
  locale: string,
  t: Translate
): string {
  if (value === null || value === undefined || value === '') return '∅'
  if (typeof value === 'boolean') return t(value ? 'history.yes' : 'history.no')
  const name = change.referenceName(field, value)
  if (name !== null) return name
  if (field.endsWith('Cents') && typeof value === 'number') return formatMoney(value, locale)
  // A setting's value, kept as text under its key (room_hour_price_cents).
  if (field.endsWith('_cents') && /^\d+$/.test(String(value))) {
    return formatMoney(Number(value), locale)
  }
  if (field.endsWith('Bp') && typeof value === 'number') {
    return formatPercent(value / 10_000, locale, 2)
  }
  if (field === 'quantity' && typeof value === 'number') return formatNumber(value, locale, 3)
  if (field.endsWith('Minutes') && typeof value === 'number') {
    return t('history.hours', { hours: formatNumber(value / 60, locale) })
  }
  if (field.endsWith('Months') && typeof value === 'number') {
    return t('history.months', { count: value })
  }
  if (field === 'rentSteps' && typeof value === 'string') {
    const steps = value.split('/').map((cents) => formatMoney(Number(cents.trim()), locale))
    return t('history.rent_steps', { steps: steps.join(' / ') })
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return formatDate(value, locale)
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    return formatDateTime(value, locale)
  }
  const coded = HISTORY_LABELS[change.subjectType]?.values[field]
  return coded ? t(coded + value) : String(value)
}
