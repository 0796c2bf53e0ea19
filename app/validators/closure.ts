import vine from '@vinejs/vine'
import { dayText, wallTime } from '#validators/rules'

/** A closure of one room, or of the building when no room is chosen, with its reason. */
export const closureValidator = vine.create({
  meetingRoomId: vine
    .number()
    .withoutDecimals()
    .exists({ table: 'meeting_rooms', column: 'id' })
    .optional(),
  startsOn: dayText(),
  startTime: wallTime(),
  endsOn: dayText(),
  endTime: wallTime(),
  reason: vine.string().trim().minLength(3).maxLength(255),
})
