import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Each user's secret calendar feed address: a random token in the URL (no login
 * needed by calendar apps), replaced to revoke the former address.
 */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('calendar_token', 64).nullable().unique()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropUnique(['calendar_token'])
      table.dropColumn('calendar_token')
    })
  }
}
