import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Each meeting room's description and booking rules, set by managers: opening hours
 * per weekday, slot granularity, minimum and maximum duration, how far ahead tenants
 * may book, the cancellation cut-off, and whether tenants may book it at all.
 */
export default class extends BaseSchema {
  protected tableName = 'meeting_rooms'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('equipment', 500).nullable()
      table.string('description', 1000).nullable()
      table
        .string('opening_hours', 500)
        .notNullable()
        .defaultTo(
          JSON.stringify({
            1: ['08:00', '19:00'],
            2: ['08:00', '19:00'],
            3: ['08:00', '19:00'],
            4: ['08:00', '19:00'],
            5: ['08:00', '19:00'],
            6: null,
            7: null,
          })
        )
      table.integer('slot_minutes').notNullable().defaultTo(30)
      table.integer('min_minutes').notNullable().defaultTo(30)
      table.integer('max_minutes').notNullable().defaultTo(240)
      table.integer('advance_days').notNullable().defaultTo(60)
      table.integer('cancellation_cutoff_minutes').notNullable().defaultTo(120)
      table.boolean('tenants_may_book').notNullable().defaultTo(true)
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('equipment')
      table.dropColumn('description')
      table.dropColumn('opening_hours')
      table.dropColumn('slot_minutes')
      table.dropColumn('min_minutes')
      table.dropColumn('max_minutes')
      table.dropColumn('advance_days')
      table.dropColumn('cancellation_cutoff_minutes')
      table.dropColumn('tenants_may_book')
    })
  }
}
