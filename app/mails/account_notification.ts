import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import OutgoingEmail from '#models/outgoing_email'
import { appUrl } from '#mails/declaration_reminder_notification'

/**
 * What the outbox keeps of an account email: its kind, its recipient and language, and
 * for a link its token (the link must survive a retry; the token table keeps only hashes).
 */
export type AccountNotice =
  | { kind: 'password_reset'; to: string; locale: string; token: string }
  | { kind: 'password_changed'; to: string; locale: string }
  | { kind: 'email_change'; to: string; locale: string; token: string; email: string }
  | { kind: 'email_change_requested' | 'email_changed'; to: string; locale: string; email: string }
  | {
      kind: 'invitation'
      to: string
      locale: string
      token: string
      inviter: string
      role: string
      company: string | null
    }

/**
 * The emails about an account: a link to choose a new password, the notice that the
 * password was changed, an invitation to open an account, the link confirming a new
 * address (sent to it) and the notices of that change to the former one. In the person's language
 * (French for an invitation: the person has no account yet), with a plain link to the
 * app's public address.
 */
export default class AccountNotification extends BaseMail {
  constructor(private notice: AccountNotice) {
    super()
  }

  /** Puts the email in the outbox, in the transaction of the change it tells about. */
  static async send(trx: TransactionClientContract, notice: AccountNotice) {
    await OutgoingEmail.enqueue(trx, 'account_notification', [notice])
  }

  /** The emails again from the outbox (everything they need is in their payloads). */
  static async fromOutbox(payloads: AccountNotice[]) {
    return payloads.map((payload) => new AccountNotification(payload))
  }

  /** The link the email carries, if any. */
  get link() {
    switch (this.notice.kind) {
      case 'password_reset':
        return appUrl(urlFor('password_resets.edit', { token: this.notice.token }))
      case 'invitation':
        return appUrl(urlFor('invitations.acceptance.create', { token: this.notice.token }))
      case 'email_change':
        return appUrl(urlFor('email_changes.confirmation.create', { token: this.notice.token }))
      case 'password_changed':
      case 'email_change_requested':
      case 'email_changed':
        return appUrl(urlFor('session.create'))
    }
  }

  /** Recipient, subject and both bodies. */
  prepare() {
    const notice = this.notice
    const i18n = i18nManager.locale(notice.locale === 'en' ? 'en' : 'fr')
    const prefix = `account_mails.${notice.kind}`
    const values =
      notice.kind === 'invitation'
        ? {
            inviter: notice.inviter,
            role: i18n.t(`roles.${notice.role}`),
            company: notice.company ?? '',
          }
        : 'email' in notice
          ? { email: notice.email }
          : {}
    const paragraphs = [i18n.t(`${prefix}.body`, values), i18n.t(`${prefix}.validity`)]
    if (notice.kind === 'invitation' && notice.company) {
      paragraphs.splice(1, 0, i18n.t(`${prefix}.company`, values))
    }
    const data = {
      i18n,
      subject: i18n.t(`${prefix}.subject`, values),
      paragraphs,
      action: i18n.t(`${prefix}.action`),
      link: this.link,
    }
    this.message.to(notice.to)
    this.message.subject(data.subject)
    this.message.htmlView('emails/account_html', data)
    this.message.textView('emails/account_text', data)
  }
}
