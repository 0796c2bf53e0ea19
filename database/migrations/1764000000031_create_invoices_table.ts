import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Invoices and credit notes (one table: a credit note is an invoice of the other kind that
 * cites the one it cancels), their lines, and the numbering series. A draft has no number;
 * issuing takes the next number of its series and year under the series' row lock, copies
 * the buyer and freezes the totals: an issued invoice never changes.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('invoice_sequences', (table) => {
      table.increments('id').notNullable()
      // F: invoices, A: credit notes (avoirs).
      table.string('series', 1).notNullable()
      table.integer('year').unsigned().notNullable()
      table.integer('last_number').unsigned().notNullable().defaultTo(0)
      table.unique(['series', 'year'])
    })
    this.schema.createTable('invoices', (table) => {
      table.increments('id').notNullable()
      table.string('kind', 20).notNullable()
      table.string('status', 20).notNullable()
      table.integer('company_id').unsigned().notNullable().references('id').inTable('companies')
      table.date('period_starts_on').notNullable()
      table.date('period_ends_on').notNullable()
      table.string('number', 20).nullable().unique()
      table.date('issued_on').nullable()
      table.date('due_on').nullable()
      table
        .integer('credited_invoice_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('invoices')
      table.string('reason', 255).nullable()
      // Kept up to date on a draft, frozen at issue (cents, signed: negative on a credit note).
      table.integer('net_cents').notNullable().defaultTo(0)
      table.integer('vat_cents').notNullable().defaultTo(0)
      table.integer('gross_cents').notNullable().defaultTo(0)
      // The buyer as it was on the day of issue.
      table.string('buyer_name', 160).nullable()
      table.string('buyer_address', 400).nullable()
      table.string('buyer_postcode', 16).nullable()
      table.string('buyer_city', 120).nullable()
      table.string('buyer_country_code', 2).nullable()
      table.string('buyer_siren', 9).nullable()
      table.string('buyer_email', 254).nullable()
      table.integer('created_by_id').unsigned().nullable().references('id').inTable('users')
      table.integer('issued_by_id').unsigned().nullable().references('id').inTable('users')
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      // The month's run: its invoices by period; a company's invoices by period.
      table.index(['period_starts_on', 'kind'])
      table.index(['company_id', 'period_starts_on'])
    })
    this.schema.createTable('invoice_lines', (table) => {
      table.increments('id').notNullable()
      table.integer('invoice_id').unsigned().notNullable().references('id').inTable('invoices')
      table.integer('position').unsigned().notNullable()
      table.string('kind', 20).notNullable()
      table.integer('agreement_id').unsigned().nullable().references('id').inTable('agreements')
      // On a credit note: the invoice line it cancels (a line is credited once).
      table
        .integer('credited_line_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('invoice_lines')
        .unique()
      table.string('description', 255).notNullable()
      table.integer('quantity_milli').notNullable()
      table.string('unit', 3).notNullable()
      table.integer('unit_price_cents').notNullable()
      table.integer('vat_rate_bp').unsigned().notNullable()
      table.string('vat_category', 2).notNullable()
      table.integer('net_cents').notNullable()
      table.integer('vat_cents').notNullable()
      table.dateTime('created_at').notNullable()
      table.dateTime('updated_at').nullable()
      table.index(['invoice_id', 'position'])
    })
  }

  async down() {
    this.schema.dropTable('invoice_lines')
    this.schema.dropTable('invoices')
    this.schema.dropTable('invoice_sequences')
  }
}
