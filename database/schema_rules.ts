import type { SchemaRules } from '@adonisjs/lucid/types/schema_generator'

/**
 * Columns whose generated declaration the models replace: JSON columns stored as
 * text that the models read and write as values; a column always set though nullable.
 */
export default {
  tables: {
    agreements: {
      skipColumns: ['rent_steps'],
    },
    closures: {
      skipColumns: ['building_id'],
    },
    meeting_rooms: {
      skipColumns: ['opening_hours'],
    },
  },
} satisfies SchemaRules
