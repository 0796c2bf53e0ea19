import { CellSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Building from '#models/building'

/**
 * One rentable office (cellule) of a building.
 */
export default class Cell extends CellSchema {
  /** MySQL returns DECIMAL columns as strings. */
  @column({ consume: (value) => Number(value) })
  declare areaSqm: number

  @belongsTo(() => Building)
  declare building: BelongsTo<typeof Building>

  /** A cell out of service cannot be allocated. */
  get isOutOfService() {
    return this.outOfServiceAt !== null
  }
}
