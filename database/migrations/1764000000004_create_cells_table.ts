import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Rentable offices (cellules) of a building.
 */
export default class extends BaseSchema {
  protected tableName = 'cells'

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
      table.string('code', 16).notNullable().unique()
      table.integer('floor').notNullable()
      table.decimal('area_sqm', 6, 2).notNullable()
      table.integer('desks').notNullable()
      table.timestamp('out_of_service_at').nullable()
      table.string('out_of_service_reason', 255).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['building_id', 'floor'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
