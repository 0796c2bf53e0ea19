import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A company's profile (legal identity, sector, contact) and its lifecycle:
 * candidate → hosted → alumni (with exit date and reason), or archived.
 */
export default class extends BaseSchema {
  protected tableName = 'companies'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('siren', 9).nullable()
      table.string('legal_form', 16).nullable()
      table.string('naf_code', 6).nullable()
      table.string('sector', 32).notNullable().defaultTo('other')
      table.boolean('digital').notNullable().defaultTo(false)
      table.date('founded_on').nullable()
      table.string('contact_name', 120).nullable()
      table.string('email', 254).nullable()
      table.string('phone', 32).nullable()
      table.string('website', 255).nullable()
      table.text('notes').nullable()
      table.string('status', 16).notNullable().defaultTo('candidate')
      table.date('exit_on').nullable()
      table.string('exit_reason', 32).nullable()
      table.timestamp('archived_at').nullable()
      table.index(['status', 'name'])
      table.index(['sector'])
      table.index(['digital'])
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['status', 'name'])
      table.dropIndex(['sector'])
      table.dropIndex(['digital'])
      table.dropColumns(
        'siren',
        'legal_form',
        'naf_code',
        'sector',
        'digital',
        'founded_on',
        'contact_name',
        'email',
        'phone',
        'website',
        'notes',
        'status',
        'exit_on',
        'exit_reason',
        'archived_at'
      )
    })
  }
}
