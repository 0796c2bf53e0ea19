import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Closures: a period when one meeting room, or the whole building (no room), cannot
 * be booked (holidays, maintenance), with its reason. Lifted, never deleted.
 */
export default class extends BaseSchema {
  protected tableName = 'closures'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table
        .integer('meeting_room_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('meeting_rooms')
        .onDelete('RESTRICT')
      table.dateTime('starts_at').notNullable()
      table.dateTime('ends_at').notNullable()
      table.string('reason', 255).notNullable()
      table
        .integer('created_by_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('RESTRICT')
      table.dateTime('lifted_at').nullable()
      table
        .integer('lifted_by_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('RESTRICT')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['starts_at', 'ends_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
