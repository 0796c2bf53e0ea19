import { AuditEventSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'

type Attributes = Record<string, unknown>

/** A record whose changes are recorded: it says which of its values matter. */
type Auditable = {
  constructor: { name: string }
  id: number
  auditAttributes(): Attributes
  useTransaction(trx: TransactionClientContract): unknown
  save(): Promise<unknown>
}

/**
 * One change made by a person: who, when, what, with the values before and after.
 * Append-only: events are never updated or deleted.
 */
export default class AuditEvent extends compose(AuditEventSchema, RevisesData) {
  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  /** Records a change made by the request's user, inside the caller's transaction if any. */
  static async record(
    ctx: Pick<HttpContext, 'auth' | 'request'>,
    action: string,
    subject: { constructor: { name: string }; id: number },
    change: { before?: Attributes | null; after?: Attributes | null },
    trx?: TransactionClientContract
  ) {
    return this.create(
      {
        userId: ctx.auth.user?.id ?? null,
        action,
        subjectType: subject.constructor.name,
        subjectId: subject.id,
        before: change.before ? JSON.stringify(change.before) : null,
        after: change.after ? JSON.stringify(change.after) : null,
        ip: ctx.request.ip(),
      },
      { client: trx }
    )
  }

  /**
   * Changes a record and records the change: the values before, the change itself
   * (which may refuse with a DomainError), the save, and the values after — all in
   * the caller's transaction.
   */
  static async change<Subject extends Auditable>(
    ctx: Pick<HttpContext, 'auth' | 'request'>,
    action: string,
    subject: Subject,
    trx: TransactionClientContract,
    mutate: (subject: Subject) => unknown
  ) {
    const before = subject.auditAttributes()
    subject.useTransaction(trx)
    await mutate(subject)
    await subject.save()
    return this.record(ctx, action, subject, { before, after: subject.auditAttributes() }, trx)
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
    return [...fields]
      .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }))
  }

  /** A company's history with its agreements' (renewals, terminations...), newest first. */
  static historyOfCompany(company: { id: number }, agreementIds: number[]) {
    return this.query()
      .where((query) => {
        query.where('subject_type', 'Company').where('subject_id', company.id)
        if (agreementIds.length) {
          query.orWhere((agreements) =>
            agreements.where('subject_type', 'Agreement').whereIn('subject_id', agreementIds)
          )
        }
      })
      .preload('user')
      .orderBy('id', 'desc')
  }

  /** The history of one record, newest first, with who made each change. */
  static historyOf(subject: { constructor: { name: string }; id: number }) {
    return this.query()
      .where('subject_type', subject.constructor.name)
      .where('subject_id', subject.id)
      .preload('user')
      .orderBy('id', 'desc')
  }
}
