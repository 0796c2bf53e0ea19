import vine from '@vinejs/vine'
import { DECLARATION_KINDS } from '#domain/declaration_periods'
import { calendarDate, decimalNumber, typedText } from '#validators/rules'

const persons = () => vine.number().withoutDecimals().min(0).max(1000)

/** The headcount by category; FTE may not exceed the persons counted. */
const headcountFields = {
  executives: persons(),
  permanent: persons(),
  fixedTerm: persons(),
  apprentices: persons(),
  interns: persons().optional(),
  fte: decimalNumber({ min: -1, max: 5000 }).optional(),
  stillTrading: vine.boolean().optional(),
  comment: typedText().maxLength(1000).optional(),
}

/** A declaration for one of the periods due. */
export const createDeclarationValidator = vine.create({
  kind: vine.enum(DECLARATION_KINDS),
  periodOn: calendarDate(),
  ...headcountFields,
})

/** A correction: a manager must say why. */
export const updateDeclarationValidator = vine.create({
  ...headcountFields,
  reason: typedText().maxLength(255).optional(),
})
