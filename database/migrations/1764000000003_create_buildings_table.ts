import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The incubator's buildings; the Nouvelle Forge is the first.
 */
export default class extends BaseSchema {
  protected tableName = 'buildings'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table.string('name', 120).notNullable().unique()
      table.string('address', 255).notNullable()
      table.decimal('area_sqm', 8, 2).notNullable()
      table.date('opened_on').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
