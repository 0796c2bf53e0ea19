import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Sessions live on the server (the framework's database store), no longer in a cookie:
 * a session ends for good at logout, a password change, a role change or a disablement,
 * and a form's errors and input are kept whatever their length. The cookie only holds
 * the session's id. user_id tags a session with its account, to list and end them;
 * MEDIUMTEXT on MySQL, for forms sent back with long input.
 */
export default class extends BaseSchema {
  protected tableName = 'sessions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('id', 64).primary()
      table.text('data', 'mediumtext').notNullable()
      table.string('user_id', 32).nullable().index()
      table.timestamp('expires_at').notNullable().index()
    })
    this.schema.alterTable('users', (table) => {
      table.integer('session_generation').unsigned().notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('session_generation')
    })
    this.schema.dropTable(this.tableName)
  }
}
