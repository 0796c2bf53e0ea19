import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The seller as an invoice states it (the operator's identity, bank details and terms),
 * copied at issue as the buyer is: an issued invoice never changes when the operator's
 * details do.
 */
export default class extends BaseSchema {
  protected tableName = 'invoices'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.text('seller').nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('seller')
    })
  }
}
