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

/**
 * A company's billing details (where its invoices go), all optional on the profile: a
 * candidate may have none yet. The same rules as the billing details page (#validators/invoice).
 */
const billingAddress = () => typedText().minLength(3).maxLength(400)
const billingPostcode = () =>
  vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9 -]{1,14}$/)
const billingCity = () => typedText().minLength(1).maxLength(120)
const billingFields = {
  billingAddress: billingAddress().optional(),
  billingPostcode: billingPostcode().optional(),
  billingCity: billingCity().optional(),
  billingCountryCode: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  billingEmail: emailAddress().optional(),
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
  ...billingFields,
}

/**
 * A manager admits a new company (a candidate) or edits one; "companyId" in the
 * metadata names the company being edited, so that its own SIRET is not a duplicate.
 */
export const companyValidator = vine
  .withMetaData<{ companyId: number | null }>()
  .create(profileFields)

/** The billing details page (managers, and the company's tenants): the address required. */
export const billingDetailsValidator = vine.create({
  ...billingFields,
  billingAddress: billingAddress(),
  billingPostcode: billingPostcode(),
  billingCity: billingCity(),
})

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
    billingAddress: data.billingAddress ?? null,
    billingPostcode: data.billingPostcode ?? null,
    billingCity: data.billingCity ?? null,
    billingCountryCode: data.billingCountryCode ?? 'FR',
    billingEmail: data.billingEmail ?? null,
  }
}
