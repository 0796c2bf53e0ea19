import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The reminders sent to companies for their missing headcount declarations: one per
 * company and period, so that the daily reminder never sends the same one twice.
 */
export default class extends BaseSchema {
  protected tableName = 'declaration_reminders'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table
        .integer('company_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('companies')
        .onDelete('RESTRICT')
      table.string('kind', 16).notNullable()
      table.date('period_on').notNullable()
      table.timestamp('sent_at').notNullable()
      table.text('recipients').notNullable()
      table.unique(['company_id', 'kind', 'period_on'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
