import type { Infer } from '@vinejs/vine/types'
import { sirenOf } from '#domain/siret'
import vine from '@vinejs/vine'
import { COMPANY_STATUSES, EXIT_REASONS, LEGAL_FORMS, SECTORS } from '#models/company'
import { decimalNumber, calendarDate, siretRule, typedText, emailAddress } from '#validators/rules'
import { FOUNDING_YEARS } from '#domain/periods'
import { MAX_PAGE } from '#helpers/pagination'

/** Contact details: the part of a company's profile its tenants may edit. */
const contactFields = {
  contactName: typedText().maxLength(120).optional(),
  email: emailAddress().optional(),
  phone: vine
    .string()
    .trim()
    .maxLength(32)
    // 6 to 15 digits (15: the longest international number), with spaces, dots, dashes,
    // brackets and a leading "+".
    .regex(/^(?=(?:\D*\d){6,15}\D*$)\+?[\d\s().-]+$/)
    .optional(),
  website: vine.string().trim().url({ require_protocol: true }).maxLength(255).optional(),
}

/** The whole profile, as a manager keeps it. */
const profileFields = {
  name: typedText().minLength(2).maxLength(160),
  siret: vine
    .string()
    .maxLength(32)
    .use(siretRule())
    .unique({
      table: 'companies',
      column: 'siret',
      filter: (db, _value, field) => {
        if (field.meta.companyId) db.whereNot('id', field.meta.companyId)
      },
    })
    .optional(),
  legalForm: vine.enum(LEGAL_FORMS).optional(),
  nafCode: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^\d{2}\.?\d{2}[A-Z]$/)
    .optional(),
  sector: vine.enum(SECTORS),
  digital: vine.boolean().optional(),
  foundedOn: calendarDate(FOUNDING_YEARS).optional(),
  ...contactFields,
  notes: typedText().maxLength(5000).optional(),
  bookingQuotaHours: decimalNumber({ min: -1, max: 744 }).optional(),
}

/**
 * A manager admits a new company (a candidate) or edits one; "companyId" in the
 * metadata names the company being edited, so that its own SIRET is not a duplicate.
 */
export const companyValidator = vine
  .withMetaData<{ companyId: number | null }>()
  .create(profileFields)

/** A tenant edits their own company's contact details. */
export const updateContactValidator = vine.create(contactFields)

/** A manager records that a company has left. */
export const createExitValidator = vine.create({
  exitOn: calendarDate(),
  exitReason: vine.enum(EXIT_REASONS),
})

/** Filters of the companies list. */
export const companyFiltersValidator = vine.create({
  status: vine.enum(COMPANY_STATUSES).optional(),
  sector: vine.enum(SECTORS).optional(),
  digital: vine.enum(['yes', 'no'] as const).optional(),
  q: typedText().maxLength(100).optional(),
  archived: vine.enum(['yes'] as const).optional(),
  sort: vine.enum(['name', 'status', 'created'] as const).optional(),
  page: vine.number().positive().withoutDecimals().max(MAX_PAGE).optional(),
})

/**
 * The profile as stored: the SIREN derived from the SIRET, and cleared fields saved as null.
 */
export function profileAttributes(data: Infer<typeof companyValidator>) {
  return {
    name: data.name,
    siret: data.siret ?? null,
    siren: data.siret ? sirenOf(data.siret) : null,
    legalForm: data.legalForm ?? null,
    nafCode: data.nafCode ?? null,
    sector: data.sector,
    digital: data.digital ?? false,
    foundedOn: data.foundedOn ?? null,
    contactName: data.contactName ?? null,
    email: data.email ?? null,
    phone: data.phone ?? null,
    website: data.website ?? null,
    notes: data.notes ?? null,
    bookingQuotaMinutes:
      data.bookingQuotaHours === undefined ? null : Math.round(data.bookingQuotaHours * 60),
  }
}
