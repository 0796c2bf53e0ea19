import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * SEPA direct debit mandates: a company's authorisation to debit its account, with its
 * unique reference (RUM). Revoked (with a reason, or replaced by a newer one), never deleted. "active_company_id" holds the company while
 * the mandate is active (null once revoked): its unique key lets the database itself refuse
 * two active mandates for one company.
 */
export default class extends BaseSchema {
  protected tableName = 'mandates'

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
      table.integer('active_company_id').unsigned().nullable().unique()
      table.string('reference', 35).notNullable().unique()
      table.string('debtor_name', 140).notNullable()
      table.string('iban', 34).notNullable()
      table.string('bic', 11).notNullable()
      table.date('signed_on').notNullable()
      table.date('first_collected_on').nullable()
      table.timestamp('revoked_at').nullable()
      table.string('revocation_reason', 255).nullable()
      table
        .integer('replaced_by_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('mandates')
        .onDelete('RESTRICT')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['company_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
