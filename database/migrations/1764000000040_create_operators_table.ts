import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The operator (l'exploitant): who issues the invoices, with the identity, bank details and
 * terms every invoice carries and the account numbers of the accountant's export. One row
 * per installation for now (a building may point to its own later); blank until a manager
 * fills it in, but for the terms, which have their French defaults.
 */
export default class extends BaseSchema {
  protected tableName = 'operators'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table.string('name', 160).nullable()
      table.string('legal_form', 120).nullable()
      table.string('address', 120).nullable()
      table.string('address_complement', 120).nullable()
      table.string('postcode', 10).nullable()
      table.string('city', 80).nullable()
      table.string('country_code', 2).notNullable().defaultTo('FR')
      table.string('siren', 9).nullable()
      table.string('siret', 14).nullable()
      table.string('vat_number', 13).nullable()
      table.string('iban', 34).nullable()
      table.string('bic', 11).nullable()
      table.string('creditor_id', 35).nullable()
      table.integer('late_penalty_rate_bp').notNullable().defaultTo(1215)
      table.string('early_payment_text', 255).notNullable()
      table.string('revenue_account', 12).notNullable().defaultTo('706000')
      table.string('vat_account', 12).notNullable().defaultTo('445710')
      table.string('customers_account', 12).notNullable().defaultTo('411000')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
