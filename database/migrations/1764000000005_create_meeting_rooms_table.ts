import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The shared meeting rooms that hosted companies book.
 */
export default class extends BaseSchema {
  protected tableName = 'meeting_rooms'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table
        .integer('building_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('buildings')
        .onDelete('RESTRICT')
      table.string('name', 80).notNullable().unique()
      table.integer('capacity').notNullable()
      table.decimal('area_sqm', 6, 2).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
