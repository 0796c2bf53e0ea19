import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The incubator's goals (80 jobs in three years...): kept as history, never deleted;
 * the current one is the goal most recently made current.
 */
export default class extends BaseSchema {
  protected tableName = 'goals'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table.string('name', 160).notNullable()
      table.date('starts_on').notNullable()
      table.date('ends_on').notNullable()
      table.integer('target_jobs').notNullable()
      table.string('measure', 32).notNullable()
      table.timestamp('made_current_at').nullable().index()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
