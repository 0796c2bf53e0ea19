import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import { afterDelete, afterSave, type BaseModel } from '@adonisjs/lucid/orm'
import DataRevision from '#models/data_revision'

/**
 * For every model whose rows pages are made from: each save or delete revises the data
 * (DataRevision), in the row's transaction, so that no cached page outlives the change.
 */
export function RevisesData<Model extends NormalizeConstructor<typeof BaseModel>>(
  superclass: Model
) {
  class RevisingModel extends superclass {
    /** A row was created or changed. */
    @afterSave()
    static async reviseDataAfterSave(row: RevisingModel) {
      await DataRevision.revise(row.$trx)
    }

    /** A row was deleted. */
    @afterDelete()
    static async reviseDataAfterDelete(row: RevisingModel) {
      await DataRevision.revise(row.$trx)
    }
  }
  return RevisingModel
}
