import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Bookings of the meeting rooms, never deleted (cancelled instead), and the slots they
 * hold: one row per quarter hour of a room under a unique key, written in the same
 * transaction as the booking, so that the database itself refuses two overlapping
 * bookings of a room, whatever the concurrency and the number of app processes.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('bookings', (table) => {
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
        .integer('booked_by_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('RESTRICT')
      table.string('title', 160).notNullable()
      table.integer('attendees').notNullable()
      table.dateTime('starts_at').notNullable()
      table.dateTime('ends_at').notNullable()
      table.string('status', 16).notNullable().defaultTo('confirmed')
      table.string('override_reason', 255).nullable()
      table.dateTime('cancelled_at').nullable()
      table
        .integer('cancelled_by_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('RESTRICT')
      table.string('cancellation_reason', 255).nullable()
      table.integer('sequence').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').nullable()
      table.index(['meeting_room_id', 'starts_at'])
      table.index(['company_id', 'starts_at'])
      table.index(['status', 'starts_at'])
    })

    this.schema.createTable('booked_slots', (table) => {
      table.increments('id').notNullable()
      table
        .integer('meeting_room_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('meeting_rooms')
        .onDelete('RESTRICT')
      table.dateTime('starts_at').notNullable()
      table
        .integer('booking_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('bookings')
        .onDelete('CASCADE')
      table.unique(['meeting_room_id', 'starts_at'])
      table.index(['booking_id'])
    })

    this.schema.alterTable('companies', (table) => {
      table.integer('booking_quota_minutes').nullable()
    })
  }

  async down() {
    this.schema.alterTable('companies', (table) => {
      table.dropColumn('booking_quota_minutes')
    })
    this.schema.dropTable('booked_slots')
    this.schema.dropTable('bookings')
  }
}
