import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Companies hosted by the incubator, or applying to be. Issue #3 adds the
 * lifecycle and contact details; the foundation needs them for tenant accounts.
 */
export default class extends BaseSchema {
  protected tableName = 'companies'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table.string('name', 160).notNullable()
      table.string('siret', 14).nullable().unique()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['name'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
