import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The catalogue of services invoiced on top of the rent (domiciliation, printing, a spare
 * key...): a unit, a price in cents, a VAT rate in basis points with its EN 16931 category
 * (and the reason when no VAT is due). Archived, never deleted: invoices cite them.
 */
export default class extends BaseSchema {
  protected tableName = 'services'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table.string('name', 120).notNullable()
      table.string('description', 500).nullable()
      table.string('unit', 16).notNullable()
      table.integer('unit_price_cents').notNullable()
      table.integer('vat_rate_bp').notNullable()
      table.string('vat_category', 1).notNullable()
      table.string('vat_exemption_reason', 255).nullable()
      table.timestamp('archived_at').nullable().index()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
