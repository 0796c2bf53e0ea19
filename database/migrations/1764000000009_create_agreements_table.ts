import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Occupancy agreements (conventions d'occupation précaire): one company, one or
 * more cells, a period, progressive rent, charges, deposit and notice.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('companies', (table) => {
      table.date('entered_on').nullable()
    })

    this.schema.createTable('agreements', (table) => {
      table.increments('id').notNullable()
      table
        .integer('company_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('companies')
        .onDelete('RESTRICT')
      table.string('status', 16).notNullable().defaultTo('draft')
      table.date('starts_on').notNullable()
      table.date('ends_on').notNullable()
      table.date('terminated_on').nullable()
      table.string('termination_reason', 255).nullable()
      table.string('notice_override_reason', 255).nullable()
      table.integer('notice_months').notNullable().defaultTo(3)
      table.text('rent_steps').notNullable()
      table.integer('monthly_charges_cents').notNullable().defaultTo(0)
      table.integer('deposit_cents').notNullable().defaultTo(0)
      table
        .integer('previous_agreement_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('agreements')
        .onDelete('RESTRICT')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['company_id', 'starts_on'])
      table.index(['status', 'ends_on'])
    })

    this.schema.createTable('agreement_cells', (table) => {
      table.increments('id').notNullable()
      table
        .integer('agreement_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('agreements')
        .onDelete('RESTRICT')
      table
        .integer('cell_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('cells')
        .onDelete('RESTRICT')
      table.unique(['agreement_id', 'cell_id'])
      table.index(['cell_id', 'agreement_id'])
    })
  }

  async down() {
    this.schema.dropTable('agreement_cells')
    this.schema.dropTable('agreements')
    this.schema.alterTable('companies', (table) => {
      table.dropColumn('entered_on')
    })
  }
}
