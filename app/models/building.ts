import { BuildingSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Cell from '#models/cell'
import MeetingRoom from '#models/meeting_room'
import { sortByName } from '#helpers/collation'

/**
 * A building of the incubator, with its rentable cells and meeting rooms.
 */
export default class Building extends compose(BuildingSchema, RevisesData) {
  /** MySQL returns DECIMAL columns as strings. */
  @column({ consume: (value) => Number(value) })
  declare areaSqm: number

  @hasMany(() => Cell)
  declare cells: HasMany<typeof Cell>

  @hasMany(() => MeetingRoom)
  declare meetingRooms: HasMany<typeof MeetingRoom>

  /**
   * The building a page asks for (`?building=<id>`), else the first one, with its
   * totals: a network of incubators is shown one building at a time.
   */
  static async asked(id: unknown) {
    const withTotals = () =>
      this.query()
        .withCount('cells')
        .withCount('meetingRooms')
        .withAggregate('cells', (query) => query.sum('area_sqm').as('cellsArea'))
    const wanted = Number(id)
    const asked =
      Number.isInteger(wanted) && wanted > 0 ? await withTotals().where('id', wanted).first() : null
    return asked ?? (await withTotals().orderBy('id').first())
  }

  /** The buildings to choose from, in French order (id and name only). */
  static async choices() {
    return sortByName(await this.query().select('id', 'name'), (building) => building.name)
  }
}
