import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Accounts of managers, tenants (attached to one company) and officials.
 */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table.string('full_name', 120).notNullable()
      table.string('email', 254).notNullable().unique()
      table.string('password').notNullable()
      table.string('role', 16).notNullable()
      table
        .integer('company_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('companies')
        .onDelete('RESTRICT')
      table.string('locale', 5).notNullable().defaultTo('fr')
      table.timestamp('disabled_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['role'])
      table.index(['company_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
