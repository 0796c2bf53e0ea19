import vine from '@vinejs/vine'
import { calendarDate, euros, isTicked, recordId, typedText } from '#validators/rules'

/** A form sends one checked box as a value, several as a list: always read a list. */
const asList = (value: unknown) =>
  value === undefined || value === null || Array.isArray(value) ? value : [value]

/**
 * A manager drafts an agreement, or edits the draft: company, cells, period, notice, rent
 * steps (price per m² per month for years 1, 2, 3 and after), charges and deposit.
 * Rules that need the database (overlaps, maximum stay) are the model's.
 */
export const agreementValidator = vine.create({
  companyId: recordId().exists({ table: 'companies', column: 'id' }),
  cellIds: vine.array(recordId()).parse(asList).minLength(1).maxLength(50).distinct(),
  startsOn: calendarDate(),
  endsOn: calendarDate(),
  noticeMonths: vine.number().withoutDecimals().min(0).max(12),
  rentSteps: vine.array(euros(1_000)).parse(asList).minLength(1).maxLength(5),
  monthlyCharges: euros(100_000),
  deposit: euros(1_000_000),
})

/** A manager ends an agreement early; overriding the notice period needs a reason. */
export const createTerminationValidator = vine.create({
  terminatedOn: calendarDate(),
  noticeGivenOn: calendarDate(),
  reason: typedText().minLength(3).maxLength(255),
  overrideNotice: vine.boolean().optional(),
  overrideReason: typedText()
    .maxLength(255)
    .optional()
    .requiredWhen((field) => isTicked(field.parent.overrideNotice)),
})

/** A manager extends an agreement's planned end. */
export const createRenewalValidator = vine.create({
  endsOn: calendarDate(),
})

/** A manager moves a company to other cells from a day. */
export const createMoveValidator = vine.create({
  movesOn: calendarDate(),
  cellIds: vine.array(recordId()).parse(asList).minLength(1).maxLength(50).distinct(),
})
