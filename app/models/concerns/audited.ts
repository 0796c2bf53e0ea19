import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import type { BaseModel } from '@adonisjs/lucid/orm'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AuditEvent, { currentActor, type Actor, type AuditedValues } from '#models/audit_event'
import DataRevision from '#models/data_revision'
import { lockedForUpdate } from '#helpers/locking'

/**
 * For every model whose rows people change: a change is one method of the model that reads
 * its row again locked, in a transaction that revises the data, makes the change, saves it
 * and records it (who, when, the values before and after) — so that no caller can forget
 * the lock or the audit, and commands and seeders get both for free.
 */
export function Audited<Model extends NormalizeConstructor<typeof BaseModel>>(superclass: Model) {
  class AuditedModel extends superclass {
    declare id: number

    /** The values worth recording in the audit trail (each model says which; never secrets). */
    auditAttributes(): AuditedValues {
      return {}
    }

    /**
     * The values recorded before and after a change: its auditAttributes, plus what a model
     * reads from related rows in the change's transaction (an agreement's cells).
     */
    async auditedValues(_trx: TransactionClientContract): Promise<AuditedValues> {
      return this.auditAttributes()
    }

    /** Records the record's creation, with its values, in the transaction that created it. */
    async recordCreation(action: string, trx: TransactionClientContract) {
      await AuditEvent.record(action, this, { after: this.auditAttributes() }, trx)
    }

    /**
     * One audited change of this record: in the caller's transaction when given, else in
     * its own; the row read again and locked, so that two changes at once are made one
     * after the other, each on what the other left. This record then holds the result. The
     * person who made it is the request's, unless told (a link that proves who follows it).
     */
    async changeAs<Result>(
      action: string,
      change: (row: this, trx: TransactionClientContract) => Result | Promise<Result>,
      trx?: TransactionClientContract,
      actor: Actor = currentActor()
    ): Promise<Result> {
      return DataRevision.within(trx, async (client) => {
        const Self = this.constructor as unknown as typeof AuditedModel
        const row = (await lockedForUpdate(
          Self.query({ client }).where('id', this.id)
        ).firstOrFail()) as this
        const before = await row.auditedValues(client)
        const result = await change(row, client)
        await row.save()
        const after = await row.auditedValues(client)
        // A change its values do not show (a new password) is recorded by its action alone.
        const shown = JSON.stringify(before) !== JSON.stringify(after)
        await AuditEvent.record(action, row, shown ? { before, after } : {}, client, actor)
        this.$attributes = { ...row.$attributes }
        this.$original = { ...row.$original }
        return result
      })
    }
  }
  return AuditedModel
}
