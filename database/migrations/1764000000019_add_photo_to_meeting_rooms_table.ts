import { BaseSchema } from '@adonisjs/lucid/schema'

/** A meeting room's optional photo, stored on disk (storage/rooms), its file name here. */
export default class extends BaseSchema {
  protected tableName = 'meeting_rooms'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('photo_path', 255).nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('photo_path')
    })
  }
}
