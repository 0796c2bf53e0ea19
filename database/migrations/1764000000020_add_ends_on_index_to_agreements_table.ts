import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The plan, the timeline, the rent roll and the dashboard look for the agreements still
 * running on or after a day ("ends_on >= day"): an index on the planned end, so that ten
 * years of past agreements are not read each time (found with EXPLAIN by the benchmark).
 */
export default class extends BaseSchema {
  protected tableName = 'agreements'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.index(['ends_on'])
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['ends_on'])
    })
  }
}
