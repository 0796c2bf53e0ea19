import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Invitations to open an account, and the single-use links sent by email (a forgotten
 * password, an invitation, later an email change): a link's token is kept only as its
 * SHA-256 hash, looked up by it; the row says what it is for, whom it concerns, until
 * when it holds and whether it was used or revoked, so that a link works once.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('invitations', (table) => {
      table.increments('id').notNullable()
      table.string('email', 254).notNullable().index()
      table.string('full_name', 120).nullable()
      table.string('role', 20).notNullable()
      table.integer('company_id').unsigned().nullable().references('id').inTable('companies')
      table.integer('invited_by_id').unsigned().nullable().references('id').inTable('users')
      table.integer('user_id').unsigned().nullable().references('id').inTable('users')
      table.dateTime('accepted_at').nullable()
      table.dateTime('revoked_at').nullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
    })
    this.schema.createTable('account_tokens', (table) => {
      table.increments('id').notNullable()
      table.string('purpose', 20).notNullable()
      table.string('token_hash', 64).notNullable().unique()
      table.integer('user_id').unsigned().nullable().references('id').inTable('users')
      table.integer('invitation_id').unsigned().nullable().references('id').inTable('invitations')
      // The address the link was sent to (a new address, for an email change).
      table.string('email', 254).notNullable()
      table.integer('created_by_id').unsigned().nullable().references('id').inTable('users')
      table.dateTime('expires_at').notNullable()
      table.dateTime('used_at').nullable()
      table.dateTime('revoked_at').nullable()
      table.dateTime('created_at').notNullable()
      table.index(['user_id', 'purpose'])
    })
  }

  async down() {
    this.schema.dropTable('account_tokens')
    this.schema.dropTable('invitations')
  }
}
