import vine from '@vinejs/vine'
import { GOAL_MEASURES } from '#domain/goals'
import { calendarDate, typedText } from '#validators/rules'

/** A goal's terms: the model refuses an end on or before the start. */
export const goalValidator = vine.create({
  name: typedText().minLength(3).maxLength(160),
  startsOn: calendarDate(),
  endsOn: calendarDate(),
  targetJobs: vine.number().withoutDecimals().min(1).max(100000),
  measure: vine.enum(GOAL_MEASURES),
  makeCurrent: vine.boolean().optional(),
})
