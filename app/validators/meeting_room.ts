import vine from '@vinejs/vine'
import { typedText, wallTime } from '#validators/rules'

const time = () => wallTime().nullable().optional()

/** Opening and closing times per ISO weekday (1 = Monday): empty means closed. */
const openingFields = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
    [`opens${weekday}`, time()],
    [`closes${weekday}`, time()],
  ])
) as Record<`opens${number}` | `closes${number}`, ReturnType<typeof time>>

/** A manager sets a meeting room's description and booking rules. */
export const meetingRoomValidator = vine.create({
  capacity: vine.number().withoutDecimals().min(1).max(500),
  equipment: typedText().maxLength(500).optional(),
  description: typedText().maxLength(1000).optional(),
  slotMinutes: vine.number().in([15, 30, 60]),
  minMinutes: vine.number().withoutDecimals().min(15).max(1440),
  maxMinutes: vine.number().withoutDecimals().min(15).max(1440),
  advanceDays: vine.number().withoutDecimals().min(1).max(730),
  cancellationCutoffMinutes: vine.number().withoutDecimals().min(0).max(10080),
  tenantsMayBook: vine.boolean().optional(),
  photo: vine.file({ size: '3mb', extnames: ['jpg', 'jpeg', 'png', 'webp'] }).optional(),
  ...openingFields,
})
