import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Who changed what, when, with the values before and after. Append-only.
 */
export default class extends BaseSchema {
  protected tableName = 'audit_events'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table
        .integer('user_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('RESTRICT')
      table.string('action', 64).notNullable()
      table.string('subject_type', 64).notNullable()
      table.integer('subject_id').unsigned().nullable()
      table.text('before').nullable()
      table.text('after').nullable()
      table.string('ip', 64).nullable()
      table.timestamp('created_at').notNullable()
      table.index(['subject_type', 'subject_id'])
      table.index(['user_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
