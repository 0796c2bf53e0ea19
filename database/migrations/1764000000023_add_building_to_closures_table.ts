import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A closure belongs to a building: a closure of "the whole building" (no room) closed,
 * until now, every room of the network. Each closure gets its building: a room's
 * closure its room's; a whole-building closure the first building, and a copy for each
 * other building, so that what was closed stays closed. Always set by the app; nullable
 * only because SQLite adds no NOT NULL column without a default.
 */
export default class extends BaseSchema {
  protected tableName = 'closures'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table
        .integer('building_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('buildings')
        .onDelete('RESTRICT')
      table.index(['building_id', 'starts_at'])
    })
    this.defer(async (db) => {
      await db
        .from(this.tableName)
        .whereNotNull('meeting_room_id')
        .update({
          building_id: db.raw(
            '(select building_id from meeting_rooms where meeting_rooms.id = closures.meeting_room_id)'
          ),
        })
      const buildings: { id: number }[] = await db.from('buildings').select('id').orderBy('id')
      if (!buildings.length) return
      const [first, ...others] = buildings
      const wholeBuilding = await db.from(this.tableName).whereNull('meeting_room_id').select('id')
      const columns =
        'starts_at, ends_at, reason, created_by_id, lifted_at, lifted_by_id, created_at, updated_at'
      for (const closure of wholeBuilding) {
        await db.from(this.tableName).where('id', closure.id).update({ building_id: first.id })
        for (const other of others) {
          await db.rawQuery(
            `insert into closures (${columns}, building_id) select ${columns}, ? from closures where id = ?`,
            [other.id, closure.id]
          )
        }
      }
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropForeign(['building_id'])
      table.dropIndex(['building_id', 'starts_at'])
      table.dropColumn('building_id')
    })
  }
}
