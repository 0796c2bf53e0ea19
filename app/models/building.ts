import { BuildingSchema } from '#database/schema'
import { column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Cell from '#models/cell'
import MeetingRoom from '#models/meeting_room'

/**
 * A building of the incubator, with its rentable cells and meeting rooms.
 */
export default class Building extends BuildingSchema {
  /** MySQL returns DECIMAL columns as strings. */
  @column({ consume: (value) => Number(value) })
  declare areaSqm: number

  @hasMany(() => Cell)
  declare cells: HasMany<typeof Cell>

  @hasMany(() => MeetingRoom)
  declare meetingRooms: HasMany<typeof MeetingRoom>
}
