import vine from '@vinejs/vine'

const date = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
const time = () =>
  vine
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)

/** A closure of one room, or of the building when no room is chosen, with its reason. */
export const closureValidator = vine.create({
  meetingRoomId: vine
    .number()
    .withoutDecimals()
    .exists({ table: 'meeting_rooms', column: 'id' })
    .optional(),
  startsOn: date(),
  startTime: time(),
  endsOn: date(),
  endTime: time(),
  reason: vine.string().trim().minLength(3).maxLength(255),
})
