import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One name for one concept: the headcount declarations are "declarations" in the
 * table, the model, the routes and the interface. Their recorded history follows:
 * audit events name the model they are about.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.renameTable('headcount_declarations', 'declarations')
    this.defer(async (db) => {
      await db
        .from('audit_events')
        .where('subject_type', 'HeadcountDeclaration')
        .update({ subject_type: 'Declaration' })
    })
  }

  async down() {
    this.schema.renameTable('declarations', 'headcount_declarations')
    this.defer(async (db) => {
      await db
        .from('audit_events')
        .where('subject_type', 'Declaration')
        .update({ subject_type: 'HeadcountDeclaration' })
    })
  }
}
