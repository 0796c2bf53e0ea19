import vine from '@vinejs/vine'
import { dayText, recordId, typedText, wallTime } from '#validators/rules'

/** The span and details of a booking, typed in Paris time; the room's rules are the model's. */
const bookingFields = {
  date: dayText(),
  startTime: wallTime(),
  endTime: wallTime(),
  title: typedText().minLength(2).maxLength(160),
  attendees: vine.number().withoutDecimals().min(1).max(500),
  overrideReason: typedText().maxLength(255).optional(),
}

/** A new booking: a room that exists, and (for managers) the company it is for. */
export const createBookingValidator = vine.create({
  meetingRoomId: recordId().exists({ table: 'meeting_rooms', column: 'id' }),
  companyId: recordId().exists({ table: 'companies', column: 'id' }).optional(),
  ...bookingFields,
  repeatEvery: vine.number().in([1, 2, 3, 4]).optional(),
  repeatUntil: dayText().optional(),
  repeatCount: vine.number().withoutDecimals().min(2).max(52).optional(),
  conflicts: vine.enum(['skip']).optional(),
})

/** A change to a booking: its time, title or attendees. */
export const updateBookingValidator = vine.create(bookingFields)

/** A cancellation, with an optional reason (the company is told when a manager cancels). */
export const cancelBookingValidator = vine.create({
  reason: typedText().maxLength(255).optional(),
  scope: vine.enum(['one', 'following']).optional(),
})
