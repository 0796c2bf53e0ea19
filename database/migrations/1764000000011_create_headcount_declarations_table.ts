import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Headcount declarations: a company's headcount on a date, by category; one per
 * company and period. Corrections keep former values in the audit trail.
 */
export default class extends BaseSchema {
  protected tableName = 'headcount_declarations'

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
      table.integer('executives').notNullable()
      table.integer('permanent').notNullable()
      table.integer('fixed_term').notNullable()
      table.integer('apprentices').notNullable()
      table.integer('interns').notNullable().defaultTo(0)
      table.decimal('fte', 6, 2).nullable()
      table.boolean('still_trading').nullable()
      table.string('status', 16).notNullable().defaultTo('submitted')
      table
        .integer('declared_by_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('RESTRICT')
      table
        .integer('validated_by_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('RESTRICT')
      table.timestamp('validated_at').nullable()
      table.text('comment').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.unique(['company_id', 'kind', 'period_on'])
      table.index(['status', 'period_on'])
      table.index(['company_id', 'period_on'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
