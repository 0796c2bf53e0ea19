import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One pending invitation per address, held by the database: an invitation keeps its
 * address in pending_email while it waits (null once accepted or withdrawn), under a
 * unique key, so that two invitations sent to one address at the same moment cannot both
 * be created. The pending invitations already there keep the key for the latest of each
 * address.
 */
export default class extends BaseSchema {
  protected tableName = 'invitations'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('pending_email', 254).nullable().unique()
    })
    this.defer(async (db) => {
      const pending = await db
        .from(this.tableName)
        .whereNull('accepted_at')
        .whereNull('revoked_at')
        .orderBy('id', 'desc')
        .select('id', 'email')
      const seen = new Set<string>()
      for (const row of pending) {
        if (seen.has(row.email)) continue
        seen.add(row.email)
        await db.from(this.tableName).where('id', row.id).update({ pending_email: row.email })
      }
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropUnique(['pending_email'])
      table.dropColumn('pending_email')
    })
  }
}
