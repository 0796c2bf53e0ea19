import { MeetingRoomSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Building from '#models/building'

/**
 * One of the shared meeting rooms that hosted companies book.
 */
export default class MeetingRoom extends MeetingRoomSchema {
  /** MySQL returns DECIMAL columns as strings. */
  @column({ consume: (value) => Number(value) })
  declare areaSqm: number

  @belongsTo(() => Building)
  declare building: BelongsTo<typeof Building>
}
