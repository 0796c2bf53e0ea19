import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { belongsTo, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { InvitationSchema } from '#database/schema'
import { RevisesData } from '#models/concerns/revises_data'
import { Audited } from '#models/concerns/audited'
import DataRevision from '#models/data_revision'
import AccountToken, { LinkError } from '#models/account_token'
import User, { type Role } from '#models/user'
import Company from '#models/company'
import AccountNotification from '#mails/account_notification'
import { DomainError } from '#exceptions/domain_error'
import { lockedForUpdate } from '#helpers/locking'
import { isDuplicate } from '#helpers/database_errors'

/**
 * An invitation to open an account: the address, the role and (for a tenant) the
 * company a manager or a tenant chose, and who invited. The person receives a
 * single-use link (AccountToken, valid 7 days), chooses a name and a password and is
 * signed in; resending sends a new link (the former one stops working); a manager may
 * withdraw it. Each step is recorded.
 */
export default class Invitation extends compose(InvitationSchema, RevisesData, Audited) {
  declare role: Role

  @belongsTo(() => Company)
  declare company: BelongsTo<typeof Company>

  @belongsTo(() => User, { foreignKey: 'invitedById' })
  declare invitedBy: BelongsTo<typeof User>

  /** Invitations neither accepted nor withdrawn. */
  static pending = scope((query) => {
    query.whereNull('accepted_at').whereNull('revoked_at')
  })

  /** Waiting for the person: neither accepted nor withdrawn. */
  get isPending() {
    return !this.acceptedAt && !this.revokedAt
  }

  /** The pending invitation sent to an address, if any. */
  static pendingFor(email: string, client?: TransactionClientContract) {
    return this.query({ client }).where('pending_email', email).first()
  }

  /**
   * Invites a person, records who invited whom and sends the link, in one transaction.
   * An address that already has an account, or a pending invitation, is refused (next to
   * the field; the pending one may be sent again instead). The unique key on
   * pending_email holds the rule when two invitations to one address are sent at once.
   */
  static async invite(
    values: { email: string; fullName?: string | null; role: Role; companyId?: number | null },
    invitedBy: User,
    trx?: TransactionClientContract
  ) {
    const email = values.email.trim().toLowerCase()
    const pendingError = () =>
      new DomainError(
        invitedBy.isManager
          ? 'invitations.errors.already_pending'
          : 'invitations.errors.already_pending_colleague',
        'email',
        { email }
      )
    return DataRevision.within(trx, async (client) => {
      if (await User.query({ client }).where('email', email).first()) {
        throw new DomainError('invitations.errors.email_taken', 'email')
      }
      if (await Invitation.pendingFor(email, client)) throw pendingError()
      const invitation = await this.create(
        {
          email,
          pendingEmail: email,
          fullName: values.fullName || null,
          role: values.role,
          companyId: values.role === 'tenant' ? (values.companyId ?? null) : null,
          invitedById: invitedBy.id,
        },
        { client }
      ).catch((error) => {
        if (isDuplicate(error)) throw pendingError()
        throw error
      })
      await invitation.recordCreation('invitation.created', client)
      await invitation.#send(invitedBy, client)
      return invitation
    })
  }

  /** Sends a new link; the former one stops working. */
  async resend(by: User, trx?: TransactionClientContract) {
    await this.changeAs(
      'invitation.resent',
      async (row, client) => {
        if (!row.isPending) throw new DomainError('invitations.errors.not_pending')
        await row.#send(by, client)
      },
      trx
    )
  }

  /** Withdraws the invitation: its link stops working. */
  async revoke(trx?: TransactionClientContract) {
    await this.changeAs(
      'invitation.revoked',
      async (row, client) => {
        if (!row.isPending) throw new DomainError('invitations.errors.not_pending')
        row.revokedAt = DateTime.utc()
        row.pendingEmail = null
        await AccountToken.revokeFor({ purpose: 'invitation', invitationId: row.id }, client)
      },
      trx
    )
  }

  /**
   * The person accepts: the link is used (once), the account created through
   * User.register with the invitation's role and company, the acceptance recorded.
   */
  static async accept(
    token: unknown,
    values: { fullName: string; password: string },
    trx?: TransactionClientContract
  ) {
    return DataRevision.within(trx, async (client) => {
      const link = await AccountToken.consume('invitation', token, client)
      const invitation = await lockedForUpdate(
        this.query({ client }).where('id', link.invitationId ?? 0)
      ).first()
      if (!invitation) throw new LinkError('unknown')
      if (invitation.revokedAt) throw new LinkError('revoked')
      if (invitation.acceptedAt) throw new LinkError('used')
      if (await User.query({ client }).where('email', invitation.email).first()) {
        throw new LinkError('used')
      }
      const user = await User.register(
        {
          fullName: values.fullName,
          email: invitation.email,
          password: values.password,
          role: invitation.role,
          companyId: invitation.companyId,
        },
        client
      )
      await invitation.changeAs(
        'invitation.accepted',
        (row) => {
          row.acceptedAt = DateTime.utc()
          row.pendingEmail = null
          row.userId = user.id
        },
        client
      )
      return user
    })
  }

  /** Issues a link and puts the invitation's email in the outbox. */
  async #send(by: User, client: TransactionClientContract) {
    const { token } = await AccountToken.issue(
      { purpose: 'invitation', email: this.email, invitationId: this.id, createdById: by.id },
      client
    )
    const company = this.companyId ? await Company.find(this.companyId, { client }) : null
    await AccountNotification.send(client, {
      kind: 'invitation',
      to: this.email,
      locale: 'fr',
      token,
      inviter: by.fullName,
      role: this.role,
      company: company?.name ?? null,
    })
  }

  /** The values worth recording in the audit trail. */
  auditAttributes() {
    return {
      email: this.email,
      fullName: this.fullName,
      role: this.role,
      companyId: this.companyId,
      userId: this.userId,
      acceptedAt: this.acceptedAt?.toISO() ?? null,
      revokedAt: this.revokedAt?.toISO() ?? null,
    }
  }
}
