import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'

/** Transactions (and their savepoints) opened here, each with the transaction that commits. */
const owners = new WeakMap<TransactionClientContract, TransactionClientContract>()
/** Those of them that wrote. */
const written = new WeakSet<TransactionClientContract>()

/**
 * The revision of the data: a value that every committed write replaces, in the write's own
 * transaction. A page made from the data at one revision is the same page as long as the
 * revision is the same, so it can be served again without being made again (the page
 * cache); after a write, the revision is new and the page is made again. Nothing can be
 * stale: the new revision and the new data become visible at the same commit.
 */
export default class DataRevision {
  static table = 'data_revisions'

  /**
   * The current revision, as committed (one primary-key read); null while there is none (a
   * database emptied by hand: nothing is kept until the next write writes one).
   */
  static async current(client: QueryClientContract = db.connection()): Promise<string | null> {
    const row = await client.from(this.table).where('id', 1).select('revision').first()
    return row?.revision ?? null
  }

  /**
   * Says that the data changed. In a transaction opened by DataRevision.transaction, the
   * revision is replaced once, just before commit (its row lock is then held for the
   * commit only, and never before another lock is asked for); in any other transaction,
   * at once; outside a transaction, right after the write, which is already committed.
   */
  static async revise(client?: TransactionClientContract | QueryClientContract | null) {
    const owner = client?.isTransaction && owners.get(client as TransactionClientContract)
    if (owner) {
      written.add(owner)
      return
    }
    await this.#replace(client ?? db.connection())
  }

  /**
   * Runs a unit of work in one transaction, and replaces the revision just before commit
   * if anything was written. Every write of the app opens its transaction here.
   */
  static async transaction<Result>(
    work: (trx: TransactionClientContract) => Promise<Result>
  ): Promise<Result> {
    return db.transaction(async (trx) => {
      owners.set(trx, trx)
      const result = await work(trx)
      if (written.has(trx)) await this.#replace(trx)
      return result
    })
  }

  /**
   * Runs a unit of work in the caller's transaction when there is one (a change made as part
   * of a larger one), else in its own (DataRevision.transaction).
   */
  static within<Result>(
    trx: TransactionClientContract | undefined,
    work: (trx: TransactionClientContract) => Promise<Result>
  ): Promise<Result> {
    return trx ? work(trx) : this.transaction(work)
  }

  /**
   * Runs a handler once the work of a transaction is committed: its outermost transaction
   * when opened here (a savepoint's commit is not yet the data's), else the one given.
   * Never run when it rolls back.
   */
  static afterCommit(trx: TransactionClientContract, handler: () => Promise<void> | void) {
    ;(owners.get(trx) ?? trx).after('commit', handler)
  }

  /** A savepoint in such a transaction: its writes revise the data at the outer commit. */
  static async savepoint<Result>(
    trx: TransactionClientContract,
    work: (savepoint: TransactionClientContract) => Promise<Result>
  ): Promise<Result> {
    return trx.transaction(async (savepoint) => {
      owners.set(savepoint, owners.get(trx) ?? trx)
      return work(savepoint)
    })
  }

  /** Writes a new random revision (random, not a counter: a rolled-back one is never reused). */
  static async #replace(client: QueryClientContract) {
    const values = {
      revision: randomBytes(12).toString('base64url'),
      revised_at: DateTime.utc().toFormat(client.dialect.dateTimeFormat),
    }
    const changed = await client.from(this.table).where('id', 1).update(values)
    if (Number(Array.isArray(changed) ? changed[0] : changed) === 0) {
      await client.table(this.table).insert({ id: 1, ...values })
    }
  }
}
