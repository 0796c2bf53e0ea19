import { createHash, randomBytes } from 'node:crypto'
import { DateTime, type DurationLikeObject } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { compose } from '@adonisjs/core/helpers'
import { AccountTokenSchema } from '#database/schema'
import { RevisesData } from '#models/concerns/revises_data'
import DataRevision from '#models/data_revision'
import { lockedForUpdate } from '#helpers/locking'
import { sqlDateTime } from '#helpers/sql_dates'

/** What a single-use link is for. */
export const TOKEN_PURPOSES = ['password_reset', 'invitation', 'email_change'] as const
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number]

/** How long a link holds, by purpose. */
export const TOKEN_LIFETIMES: Record<TokenPurpose, DurationLikeObject> = {
  password_reset: { hours: 1 },
  invitation: { days: 7 },
  email_change: { days: 1 },
}

/** Why a link no longer works (unknown: never issued, or tampered with). */
export type LinkProblem = 'unknown' | 'expired' | 'used' | 'revoked'

/** A link that does not work, and why: the page says so and offers to ask for a new one. */
export class LinkError extends Error {
  constructor(public problem: LinkProblem) {
    super(`account link ${problem}`)
  }
}

/** The SHA-256 of a token, hex: what the table keeps and looks up. */
export function tokenHash(token: string) {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/**
 * One single-use link sent by email (a forgotten password, an invitation, an email
 * change): the token itself goes only into the email; the row keeps its hash, so that a
 * copy of the database opens no account. A link is looked up by the hash of what the
 * address holds (no comparison of secrets that could leak by its timing), used once in
 * a transaction that locks its row, and stops at its expiry or when revoked.
 */
export default class AccountToken extends compose(AccountTokenSchema, RevisesData) {
  static table = 'account_tokens'

  declare purpose: TokenPurpose

  /**
   * A new link: the token for the email, and its row. Every former link of the same
   * purpose for the same account or invitation is revoked (only the last one sent works).
   */
  static async issue(
    values: {
      purpose: TokenPurpose
      email: string
      userId?: number | null
      invitationId?: number | null
      createdById?: number | null
    },
    trx: TransactionClientContract
  ) {
    await this.#pending(values, trx).update({ revoked_at: sqlDateTime(DateTime.utc()) })
    const token = randomBytes(32).toString('base64url')
    const row = await this.create(
      {
        purpose: values.purpose,
        email: values.email,
        userId: values.userId ?? null,
        invitationId: values.invitationId ?? null,
        createdById: values.createdById ?? null,
        tokenHash: tokenHash(token),
        expiresAt: DateTime.utc().plus(TOKEN_LIFETIMES[values.purpose]),
      },
      { client: trx }
    )
    return { token, row }
  }

  /** Revokes the links of a purpose for an account or an invitation that are not used yet. */
  static async revokeFor(
    values: { purpose: TokenPurpose; userId?: number | null; invitationId?: number | null },
    trx: TransactionClientContract
  ) {
    await this.#pending(values, trx).update({ revoked_at: sqlDateTime(DateTime.utc()) })
  }

  static #pending(
    values: { purpose: TokenPurpose; userId?: number | null; invitationId?: number | null },
    trx: TransactionClientContract
  ) {
    const query = trx
      .query()
      .from(this.table)
      .where('purpose', values.purpose)
      .whereNull('used_at')
      .whereNull('revoked_at')
    if (values.invitationId) return query.where('invitation_id', values.invitationId)
    if (values.userId) return query.where('user_id', values.userId)
    return query.whereRaw('1 = 0')
  }

  /**
   * The link an address holds, while it works (else a LinkError saying why): to show
   * its form. Using it is consume's.
   */
  static async valid(purpose: TokenPurpose, token: unknown, trx?: TransactionClientContract) {
    const query = this.query({ client: trx })
    const row = await this.#find(purpose, token, trx ? lockedForUpdate(query) : query)
    row.assertUsable()
    return row
  }

  /**
   * Uses the link once, in the caller's transaction: its row read again locked, so that
   * two submissions at once cannot both use it (the second finds it used).
   */
  static async consume(purpose: TokenPurpose, token: unknown, trx: TransactionClientContract) {
    const row = await this.valid(purpose, token, trx)
    row.usedAt = DateTime.utc()
    await row.save()
    return row
  }

  static async #find(
    purpose: TokenPurpose,
    token: unknown,
    query: ModelQueryBuilderContract<typeof AccountToken, AccountToken>
  ): Promise<AccountToken> {
    // A token is 43 base64url characters: anything else was never issued.
    if (typeof token !== 'string' || !/^[\w-]{43}$/.test(token)) throw new LinkError('unknown')
    const row = await query.where('token_hash', tokenHash(token)).first()
    if (!row || row.purpose !== purpose) throw new LinkError('unknown')
    return row
  }

  /** Why the link no longer works, if so. */
  get problem(): LinkProblem | null {
    if (this.usedAt) return 'used'
    if (this.revokedAt) return 'revoked'
    if (this.expiresAt <= DateTime.utc()) return 'expired'
    return null
  }

  /** Throws a LinkError when the link no longer works. */
  assertUsable() {
    const problem = this.problem
    if (problem) throw new LinkError(problem)
  }

  /** Revokes this link (resent, or its invitation withdrawn). */
  async revoke(trx?: TransactionClientContract) {
    await DataRevision.within(trx, async (client) => {
      await AccountToken.query({ client })
        .where('id', this.id)
        .whereNull('used_at')
        .update({ revoked_at: sqlDateTime(DateTime.utc()) })
    })
    await this.refresh()
  }
}
