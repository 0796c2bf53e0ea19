import { setPriority } from 'node:os'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Sends the emails waiting in the outbox: once (for a cron), or with --watch as a worker
 * that keeps sending them as they come, for deployments with EMAIL_DELIVERY=worker (the
 * web processes then never render or send an email). Several may run at once. Exits 0
 * unless an email failed (it is then retried later).
 */
export default class EmailsDeliver extends BaseCommand {
  static commandName = 'emails:deliver'
  static description = 'Send the emails waiting in the outbox (--watch: keep sending them)'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Keep running, sending emails as they are written' })
  declare watch: boolean

  @flags.number({ description: 'With --watch: milliseconds between two looks', default: 1000 })
  declare every: number

  @flags.number({
    description: 'Niceness, 0 to 19: above 0 the worker yields the CPU to the web processes',
    default: 0,
  })
  declare nice: number

  async run() {
    const { default: router } = await import('@adonisjs/core/services/router')
    const { default: OutgoingEmail } = await import('#models/outgoing_email')
    // Outside the HTTP server nothing commits the routes, and the emails link to them.
    router.commit()

    // Emails can wait a few seconds; a response cannot: a nice worker runs when the web
    // processes leave the CPU idle, and catches up after a burst of changes.
    if (this.nice > 0) setPriority(Math.min(19, Math.round(this.nice)))

    let stopping = false
    const stop = () => (stopping = true)
    process.once('SIGTERM', stop)
    process.once('SIGINT', stop)
    const totals = { sent: 0, failed: 0 }
    do {
      const batch = await OutgoingEmail.deliverDue()
      totals.sent += batch.sent
      totals.failed += batch.failed
      // A full batch: more are probably waiting. Otherwise wait a little.
      if (this.watch && !stopping && batch.sent + batch.failed < OutgoingEmail.BATCH) {
        await new Promise((resolve) => setTimeout(resolve, this.every))
      }
    } while (this.watch && !stopping)
    this.logger.info(`emails sent: ${totals.sent}, failed: ${totals.failed}`)
    if (totals.failed) this.exitCode = 1
  }
}
