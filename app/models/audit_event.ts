import { AuditEventSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import db from '@adonisjs/lucid/services/db'
import { REFERENCE_TABLES, type ReferenceField } from '#helpers/history'

/** The values of a record worth recording, by field. */
export type AuditedValues = Record<string, unknown>
type Attributes = AuditedValues

/** Who makes a change: a person (and the address the request came from), or nobody (a command). */
export type Actor = { userId: number | null; ip: string | null }

/** The person of the request being answered (async local storage), or nobody outside requests. */
export function currentActor(): Actor {
  const ctx = HttpContext.get()
  return { userId: ctx?.auth?.user?.id ?? null, ip: ctx?.request.ip() ?? null }
}

/**
 * One change made by a person: who, when, what, with the values before and after.
 * Append-only: events are never updated or deleted. Recorded by the models' own change
 * methods (the Audited concern), never by controllers.
 */
export default class AuditEvent extends compose(AuditEventSchema, RevisesData) {
  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  /** Records a change, in the change's transaction, made by the request's person unless said. */
  static async record(
    action: string,
    subject: { constructor: { name: string }; id: number },
    change: { before?: Attributes | null; after?: Attributes | null },
    trx: TransactionClientContract,
    actor: Actor = currentActor()
  ) {
    return this.create(
      {
        userId: actor.userId,
        action,
        subjectType: subject.constructor.name,
        subjectId: subject.id,
        before: change.before ? JSON.stringify(change.before) : null,
        after: change.after ? JSON.stringify(change.after) : null,
        ip: actor.ip,
      },
      { client: trx }
    )
  }

  /** The recorded values before the change. */
  get beforeValues(): Attributes | null {
    return this.before ? JSON.parse(this.before) : null
  }

  /** The recorded values after the change. */
  get afterValues(): Attributes | null {
    return this.after ? JSON.parse(this.after) : null
  }

  /** The fields this change touched, each with its value before and after. */
  get changedFields() {
    const before = this.beforeValues ?? {}
    const after = this.afterValues ?? {}
    const fields = new Set([...Object.keys(before), ...Object.keys(after)])
    return (
      [...fields]
        // A field absent on one side is null there: a creation shows only what it set.
        .filter(
          (field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null)
        )
        .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }))
    )
  }

  /** The names of the records its values point to (REFERENCE_TABLES), read with its history. */
  declare references: Map<string, string>

  /** The name of the record a value points to, or null (not a reference, or gone). */
  referenceName(field: string, id: unknown) {
    if (!(field in REFERENCE_TABLES) || typeof id !== 'number') return null
    return this.references?.get(`${field}:${id}`) ?? null
  }

  /**
   * Events with the names of the companies, buildings and rooms their values point to: one
   * query per kind of record, whatever the number of events.
   */
  static async withReferences(events: AuditEvent[]) {
    const ids = new Map<ReferenceField, Set<number>>()
    for (const event of events) {
      for (const values of [event.beforeValues, event.afterValues]) {
        for (const field of Object.keys(REFERENCE_TABLES) as ReferenceField[]) {
          const id = values?.[field]
          if (typeof id === 'number') ids.set(field, (ids.get(field) ?? new Set()).add(id))
        }
      }
    }
    const names = new Map<string, string>()
    await Promise.all(
      [...ids].map(async ([field, wanted]) => {
        const rows = await db
          .from(REFERENCE_TABLES[field])
          .whereIn('id', [...wanted])
          .select('id', 'name')
        for (const row of rows) names.set(`${field}:${row.id}`, row.name)
      })
    )
    for (const event of events) event.references = names
    return events
  }

  /** A company's history with its agreements' (renewals, terminations...) and SEPA mandates', newest first. */
  static async historyOfCompany(
    company: { id: number },
    agreementIds: number[],
    mandateIds: number[] = []
  ) {
    const events = await this.query()
      .where((query) => {
        query.where('subject_type', 'Company').where('subject_id', company.id)
        if (agreementIds.length) {
          query.orWhere((agreements) =>
            agreements.where('subject_type', 'Agreement').whereIn('subject_id', agreementIds)
          )
        }
        if (mandateIds.length) {
          query.orWhere((mandates) =>
            mandates.where('subject_type', 'Mandate').whereIn('subject_id', mandateIds)
          )
        }
      })
      .preload('user')
      .orderBy('id', 'desc')
    return this.withReferences(events)
  }

  /** The history of one record, newest first, with who made each change. */
  static async historyOf(subject: { constructor: { name: string }; id: number }) {
    const events = await this.query()
      .where('subject_type', subject.constructor.name)
      .where('subject_id', subject.id)
      .preload('user')
      .orderBy('id', 'desc')
    return this.withReferences(events)
  }
}
