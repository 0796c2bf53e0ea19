import vine from '@vinejs/vine'
import { dayText, recordId, typedText, wallTime } from '#validators/rules'

/** A closure of a building's rooms, or of one of them, with its reason. */
export const closureValidator = vine.create({
  buildingId: recordId().exists({ table: 'buildings', column: 'id' }),
  meetingRoomId: recordId().exists({ table: 'meeting_rooms', column: 'id' }).optional(),
  startsOn: dayText(),
  startTime: wallTime(),
  endsOn: dayText(),
  endTime: wallTime(),
  reason: typedText().minLength(3).maxLength(255),
})
