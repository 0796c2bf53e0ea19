import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Recurring bookings: a weekly (or every N weeks) series, until a day or for a number of
 * occurrences; each occurrence is a booking of its own that points to its series.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('booking_series', (table) => {
      table.increments('id').notNullable()
      table
        .integer('meeting_room_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('meeting_rooms')
        .onDelete('RESTRICT')
      table
        .integer('company_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('companies')
        .onDelete('RESTRICT')
      table
        .integer('created_by_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('RESTRICT')
      table.string('title', 160).notNullable()
      table.date('first_on').notNullable()
      table.string('start_time', 5).notNullable()
      table.string('end_time', 5).notNullable()
      table.integer('every_weeks').notNullable()
      table.date('until_on').nullable()
      table.integer('occurrences').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
    })
    this.schema.alterTable('bookings', (table) => {
      table
        .integer('series_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('booking_series')
        .onDelete('RESTRICT')
      table.index(['series_id', 'starts_at'])
    })
  }

  async down() {
    this.schema.alterTable('bookings', (table) => {
      table.dropForeign(['series_id'])
      table.dropIndex(['series_id', 'starts_at'])
      table.dropColumn('series_id')
    })
    this.schema.dropTable('booking_series')
  }
}
