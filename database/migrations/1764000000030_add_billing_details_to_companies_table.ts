import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A company's billing details: the address and email its invoices go to (the SIREN is
 * already on the company). An invoice copies them when it is issued, so that it never
 * changes when the company's details do.
 */
export default class extends BaseSchema {
  protected tableName = 'companies'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      // Up to three lines (street, building, PO box), one per line of text.
      table.string('billing_address', 400).nullable()
      table.string('billing_postcode', 16).nullable()
      table.string('billing_city', 120).nullable()
      table.string('billing_country_code', 2).notNullable().defaultTo('FR')
      table.string('billing_email', 254).nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('billing_address')
      table.dropColumn('billing_postcode')
      table.dropColumn('billing_city')
      table.dropColumn('billing_country_code')
      table.dropColumn('billing_email')
    })
  }
}
