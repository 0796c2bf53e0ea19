import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Two-factor sign-in (TOTP): the account's secret (encrypted with the app's key; set while
 * enrolling, in force once a first code confirmed it), the last time step a code was
 * accepted at (a code is accepted once), and its recovery codes (keyed hashes, as JSON).
 */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.text('two_factor_secret').nullable()
      table.timestamp('two_factor_enabled_at').nullable()
      table.integer('two_factor_last_step').nullable()
      table.text('two_factor_recovery_codes').nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('two_factor_secret')
      table.dropColumn('two_factor_enabled_at')
      table.dropColumn('two_factor_last_step')
      table.dropColumn('two_factor_recovery_codes')
    })
  }
}
