import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The revision of the data, one row: every committed write gives it a new value, in the
 * same transaction, so that a page rendered from the data can be kept and served again
 * until the data changes (the page cache), and never after (DataRevision).
 */
export default class extends BaseSchema {
  protected tableName = 'data_revisions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.integer('id').unsigned().primary()
      table.string('revision', 32).notNullable()
      table.timestamp('revised_at').notNullable()
    })
    this.defer(async (db) => {
      await db.table(this.tableName).insert({
        id: 1,
        revision: randomBytes(12).toString('base64url'),
        revised_at: DateTime.utc().toFormat(db.dialect.dateTimeFormat),
      })
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
