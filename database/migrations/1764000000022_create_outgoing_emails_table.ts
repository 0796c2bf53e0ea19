import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The emails the app has to send (a transactional outbox): written in the same
 * transaction as the change they tell about, then rendered and sent by a deliverer
 * (the web process, or `node ace emails:deliver --watch`), retried when the mail server
 * fails. An email is never lost when a process stops, and never sent for a change that
 * was rolled back.
 */
export default class extends BaseSchema {
  protected tableName = 'outgoing_emails'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id').notNullable()
      table.string('mail', 60).notNullable()
      table.text('payload').notNullable()
      table.integer('attempts').unsigned().notNullable().defaultTo(0)
      table.dateTime('deliver_after').notNullable()
      table.string('claim', 32).nullable()
      table.dateTime('claimed_until').nullable()
      table.dateTime('sent_at').nullable()
      table.dateTime('abandoned_at').nullable()
      table.text('last_error').nullable()
      table.dateTime('created_at').notNullable()
      // The deliverers' question: what is due and not sent yet.
      table.index(['sent_at', 'deliver_after'])
      table.index(['claim'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
