import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The incubator's rules that managers may change (maximum stay...), one row per key.
 */
export default class extends BaseSchema {
  protected tableName = 'settings'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table.string('key', 64).notNullable().unique()
      table.string('value', 255).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
