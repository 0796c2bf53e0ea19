import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import type { BaseMail } from '@adonisjs/mail'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { OutgoingEmailSchema } from '#database/schema'
import DataRevision from '#models/data_revision'
import { redactedDatabaseError } from '#helpers/database_errors'
import env from '#start/env'
import { sqlDateTime } from '#helpers/sql_dates'

/**
 * The mails the outbox can send, each built again from the payloads kept with them (the
 * data read when they are sent, for a whole round at once; null when there is no one left
 * to tell), in the payloads' order. Loaded when first sent.
 */
const MAILS = {
  booking_notification: async (payloads: any[]) => {
    const { default: BookingNotification } = await import('#mails/booking_notification')
    return BookingNotification.fromOutbox(payloads)
  },
  declaration_reminder: async (payloads: any[]) => {
    const { default: DeclarationReminderNotification } =
      await import('#mails/declaration_reminder_notification')
    return DeclarationReminderNotification.fromOutbox(payloads)
  },
  account_notification: async (payloads: any[]) => {
    const { default: AccountNotification } = await import('#mails/account_notification')
    return AccountNotification.fromOutbox(payloads)
  },
} satisfies Record<string, (payloads: any[]) => Promise<(BaseMail | null)[]>>

/** The name of a mail the outbox can send. */
export type OutboxMail = keyof typeof MAILS

/** Who delivers: the web process after each commit (and every half minute), or a worker. */
export type EmailDelivery = 'web' | 'worker'

/** How long a deliverer holds the emails it took before another may take them again. */
const CLAIM_MINUTES = 5

/**
 * An email in the outbox: written in the transaction of the change it tells about (never
 * sent for a change rolled back, never lost when a process stops after the commit),
 * then rendered and sent by a deliverer, which claims it first so that two deliverers
 * (several instances, a worker) never send it twice. Retried with a growing delay when
 * sending fails; abandoned after MAX_ATTEMPTS, with the error kept. Sent ones are kept.
 */
export default class OutgoingEmail extends OutgoingEmailSchema {
  static table = 'outgoing_emails'

  /** Tries before an email is abandoned (the last one about two hours after the first). */
  static MAX_ATTEMPTS = 8

  /** At most this many emails per delivery round. */
  static BATCH = 50

  /** Who delivers, from EMAIL_DELIVERY. */
  static delivery: EmailDelivery = env.get('EMAIL_DELIVERY', 'web')

  /**
   * Whether the commit waits for the web process's delivery (tests: an email is sent
   * when the request that caused it returns) or only starts it (a mail server's delay
   * never slows a response).
   */
  static awaitDelivery = false

  /**
   * Puts emails in the outbox, in the transaction of the change they tell about (one
   * insert, whatever their number); with web delivery, sent once it commits.
   */
  static async enqueue(trx: TransactionClientContract, name: OutboxMail, payloads: object[]) {
    if (!payloads.length) return
    const now = sqlDateTime(DateTime.utc())
    await trx
      .insertQuery()
      .table(this.table)
      .multiInsert(
        payloads.map((payload) => ({
          mail: name,
          payload: JSON.stringify(payload),
          deliver_after: now,
          created_at: now,
        }))
      )
    if (this.delivery !== 'web') return
    DataRevision.afterCommit(trx, () => {
      const delivery = this.deliverSoon()
      return this.awaitDelivery ? delivery : undefined
    })
  }

  /** The emails of a kind written since an instant that are not sent yet (a failed try). */
  static waitingSince(name: OutboxMail, since: DateTime) {
    return this.query()
      .where('mail', name)
      .where('created_at', '>=', sqlDateTime(since))
      .whereNull('sent_at')
      .whereNull('abandoned_at')
      .orderBy('id')
  }

  /** The web process's delivery under way, if any, and whether more came meanwhile. */
  static #delivering: Promise<void> | null = null
  static #more = false

  /**
   * Sends what is due, from the web process: one delivery at a time per process (a burst
   * of commits does not start one each; the one under way goes round again until no
   * more came). Resolves once the emails written before the call are sent.
   */
  static deliverSoon(): Promise<void> {
    if (this.#delivering) {
      this.#more = true
      return this.#delivering
    }
    this.#delivering = (async () => {
      do {
        this.#more = false
        const { sent, failed } = await this.deliverDue()
        if (sent + failed === this.BATCH) this.#more = true
      } while (this.#more)
    })()
      .catch((error) =>
        logger.error({ err: redactedDatabaseError(error) }, 'emails: delivery from the web failed')
      )
      .finally(() => {
        this.#delivering = null
      })
    return this.#delivering
  }

  /**
   * Sends the emails that are due, at most `limit` of them, oldest first; returns how
   * many were sent and how many failed. Several deliverers may run at once.
   */
  static async deliverDue(limit = this.BATCH) {
    const claimed = await this.#claim(limit)
    const messages = await this.#build(claimed)
    const sent: number[] = []
    let failed = 0
    for (const email of claimed) {
      try {
        const message = messages.get(email)
        if (message instanceof Error) throw message
        if (!message) {
          await this.#abandon(email, 'no recipient')
          continue
        }
        await mail.send(message)
        sent.push(email.id)
      } catch (error) {
        failed++
        await this.#fail(email, error)
      }
    }
    if (sent.length)
      await this.#release(sent, { sent_at: sqlDateTime(DateTime.utc()), last_error: null })
    return { sent: sent.length, failed }
  }

  /**
   * The messages of a round, each mail's data read once for all its emails (a bounded
   * number of queries per round); an email that cannot be built gets its error, so that
   * it fails alone.
   */
  static async #build(emails: OutgoingEmail[]) {
    const messages = new Map<OutgoingEmail, BaseMail | null | Error>()
    const byMail = new Map<OutboxMail, { email: OutgoingEmail; payload: unknown }[]>()
    for (const email of emails) {
      try {
        if (!(email.mail in MAILS)) throw new Error(`unknown mail "${email.mail}"`)
        const payload = JSON.parse(email.payload)
        const group = byMail.get(email.mail as OutboxMail) ?? []
        byMail.set(email.mail as OutboxMail, group)
        group.push({ email, payload })
      } catch (error) {
        messages.set(email, error instanceof Error ? error : new Error(String(error)))
      }
    }
    for (const [name, group] of byMail) {
      try {
        const built = await MAILS[name](group.map(({ payload }) => payload))
        group.forEach(({ email }, index) => messages.set(email, built[index]))
      } catch (error) {
        for (const { email } of group) {
          messages.set(email, error instanceof Error ? error : new Error(String(error)))
        }
      }
    }
    return messages
  }

  /**
   * Takes the due emails for this deliverer: those not sent, not abandoned, due, and not
   * held by another deliverer; the update re-checks that under its row locks, so an
   * email is taken by one deliverer only.
   */
  static async #claim(limit: number) {
    const now = sqlDateTime(DateTime.utc())
    const due = (query: DatabaseQueryBuilderContract) =>
      query
        .whereNull('sent_at')
        .whereNull('abandoned_at')
        .where('deliver_after', '<=', now)
        .where((held) => held.whereNull('claimed_until').orWhere('claimed_until', '<', now))
    const rows = await due(db.from(this.table).select('id')).orderBy('id').limit(limit)
    const ids: number[] = rows.map((row) => row.id)
    if (!ids.length) return []
    const claim = randomBytes(12).toString('base64url')
    await due(db.from(this.table).whereIn('id', ids)).update({
      claim,
      claimed_until: sqlDateTime(DateTime.utc().plus({ minutes: CLAIM_MINUTES })),
      attempts: db.raw('attempts + 1'),
    })
    return this.query().where('claim', claim).orderBy('id')
  }

  /** A failed try: tried again later (1, 2, 4… minutes), or abandoned after the last. */
  static async #fail(email: OutgoingEmail, error: unknown) {
    const reason = error instanceof Error ? error.message : String(error)
    if (email.attempts >= this.MAX_ATTEMPTS) return this.#abandon(email, reason)
    logger.warn({ email: email.id, attempts: email.attempts }, `emails: sending failed: ${reason}`)
    await this.#release([email.id], {
      last_error: reason.slice(0, 2000),
      deliver_after: sqlDateTime(DateTime.utc().plus({ minutes: 2 ** (email.attempts - 1) })),
    })
  }

  /** Gives an email up, with the reason kept. */
  static async #abandon(email: OutgoingEmail, reason: string) {
    logger.error({ email: email.id, attempts: email.attempts }, `emails: abandoned: ${reason}`)
    await this.#release([email.id], {
      last_error: reason.slice(0, 2000),
      abandoned_at: sqlDateTime(DateTime.utc()),
    })
  }

  /** Lets go of emails this deliverer took, recording how their try ended. */
  static async #release(ids: number[], outcome: Record<string, string | null>) {
    await db
      .from(this.table)
      .whereIn('id', ids)
      .update({ claim: null, claimed_until: null, ...outcome })
  }
}
