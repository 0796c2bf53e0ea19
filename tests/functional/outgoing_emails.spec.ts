import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import EmailsDeliver from '#commands/emails_deliver'
import Booking from '#models/booking'
import DataRevision from '#models/data_revision'
import OutgoingEmail from '#models/outgoing_email'
import BookingNotification from '#mails/booking_notification'
import { recordedMails } from '#mails/transports/recording_transport'
import { mailServerDown } from '#tests/support/mail'
import { countQueries } from '#tests/support/queries'
import {
  bookDirectly,
  createRoom,
  hostedTenant,
  nextMonday,
  postBooking,
} from '#tests/support/bookings'
import { truncateAfterEach } from '#tests/support/database'

/** Runs the test's work with the emails left to a worker (EMAIL_DELIVERY=worker). */
function deliveredByWorker() {
  const before = OutgoingEmail.delivery
  OutgoingEmail.delivery = 'worker'
  return () => {
    OutgoingEmail.delivery = before
  }
}

/** Runs `node ace emails:deliver` in the test process. */
async function deliverCommand() {
  const command = await ace.create(EmailsDeliver, [])
  command.ui.switchMode('raw')
  await command.exec()
  return command
}

/** A booking of a hosted company's tenant, written directly. */
async function someBooking() {
  const room = await createRoom()
  const { company, tenant } = await hostedTenant()
  const booking = await bookDirectly(room, company.id, nextMonday(), '10:00', '11:00')
  return { booking, tenant }
}

/** A booking's confirmation written in the outbox (sent only if the web process delivers). */
async function emailWaiting() {
  const { booking, tenant } = await someBooking()
  await DataRevision.transaction((trx) =>
    BookingNotification.notify(trx, [{ booking, notice: 'created', actor: tenant }])
  )
  return { booking, tenant }
}

test.group('Emails: the outbox', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => recordedMails.clear())

  test('a booking writes its email with it; the commit sends it and marks it sent', async ({
    client,
    assert,
  }) => {
    const room = await createRoom()
    const { tenant } = await hostedTenant()
    const response = await postBooking(client, tenant, {
      meetingRoomId: String(room.id),
      date: nextMonday(),
      startTime: '10:00',
      endTime: '11:00',
      title: 'Point client',
      attendees: '2',
    })
    response.assertStatus(302)
    const booking = await Booking.firstOrFail()
    const [email] = await OutgoingEmail.all()
    assert.equal(email.mail, 'booking_notification')
    assert.deepEqual(JSON.parse(email.payload), {
      bookingId: booking.id,
      notice: 'created',
      actorEmail: tenant.email,
    })
    assert.equal(email.attempts, 1)
    assert.isNotNull(email.sentAt)
    assert.isNull(email.claim)
    assert.lengthOf(recordedMails.to(tenant.email), 1)
  })

  test('the web process delivers one round at a time: a burst of commits shares it', async ({
    assert,
  }) => {
    const deliverDue = OutgoingEmail.deliverDue
    let rounds = 0
    OutgoingEmail.deliverDue = async function (this: typeof OutgoingEmail, limit?: number) {
      rounds++
      return deliverDue.call(this, limit)
    }
    try {
      const restore = deliveredByWorker()
      const { tenant } = await emailWaiting()
      restore()
      const first = OutgoingEmail.deliverSoon()
      const second = OutgoingEmail.deliverSoon()
      const third = OutgoingEmail.deliverSoon()
      assert.strictEqual(second, first)
      assert.strictEqual(third, first)
      await first
      // The round under way, then one more for what came meanwhile.
      assert.equal(rounds, 2)
      assert.lengthOf(recordedMails.to(tenant.email), 1)
      await OutgoingEmail.deliverSoon()
      assert.equal(rounds, 3)
    } finally {
      OutgoingEmail.deliverDue = deliverDue
    }
  })

  test('a change rolled back leaves no email and sends none', async ({ assert }) => {
    const { booking, tenant } = await someBooking()
    await assert.rejects(() =>
      DataRevision.transaction(async (trx) => {
        await BookingNotification.notify(trx, [{ booking, notice: 'updated', actor: tenant }])
        throw new Error('refused after the email was written')
      })
    )
    assert.lengthOf(await OutgoingEmail.all(), 0)
    assert.lengthOf(recordedMails.messages, 0)
  })

  test('with a worker, the request sends nothing; emails:deliver sends each email once', async ({
    client,
    assert,
  }) => {
    const restore = deliveredByWorker()
    try {
      const room = await createRoom()
      const { tenant } = await hostedTenant()
      const response = await postBooking(client, tenant, {
        meetingRoomId: String(room.id),
        date: nextMonday(),
        startTime: '14:00',
        endTime: '15:00',
        title: 'Comité',
        attendees: '3',
      })
      response.assertStatus(302)
      assert.lengthOf(recordedMails.messages, 0)
      const [waiting] = await OutgoingEmail.all()
      assert.isNull(waiting.sentAt)
      assert.equal(waiting.attempts, 0)

      const command = await deliverCommand()
      command.assertSucceeded()
      command.assertLog('[ blue(info) ] emails sent: 1, failed: 0')
      assert.lengthOf(recordedMails.to(tenant.email), 1)
      await waiting.refresh()
      assert.isNotNull(waiting.sentAt)

      const again = await deliverCommand()
      again.assertSucceeded()
      assert.lengthOf(recordedMails.messages, 1)
    } finally {
      restore()
    }
  })

  test('a mail server down: the email waits, is tried again later, then sent', async ({
    assert,
  }) => {
    const restore = deliveredByWorker()
    const { tenant } = await emailWaiting()
    try {
      const serverBack = mailServerDown()
      try {
        const command = await deliverCommand()
        command.assertFailed()
        command.assertLog('[ blue(info) ] emails sent: 0, failed: 1')
      } finally {
        serverBack()
      }
      const [email] = await OutgoingEmail.all()
      assert.isNull(email.sentAt)
      assert.isNull(email.claim)
      assert.equal(email.attempts, 1)
      assert.equal(email.lastError, 'SMTP indisponible')
      // Tried again in a minute, not before.
      const delay = email.deliverAfter.diff(DateTime.utc(), 'seconds').seconds
      assert.isAbove(delay, 50)
      assert.isAtMost(delay, 60)
      assert.deepEqual(await OutgoingEmail.deliverDue(), { sent: 0, failed: 0 })

      await db.from('outgoing_emails').update({
        deliver_after: DateTime.utc().minus({ seconds: 1 }).toFormat('yyyy-MM-dd HH:mm:ss'),
      })
      assert.deepEqual(await OutgoingEmail.deliverDue(), { sent: 1, failed: 0 })
      await email.refresh()
      assert.isNotNull(email.sentAt)
      assert.isNull(email.lastError)
      assert.equal(email.attempts, 2)
      assert.lengthOf(recordedMails.to(tenant.email), 1)
    } finally {
      restore()
    }
  })

  test('an email that keeps failing is abandoned after its last try, the error kept', async ({
    assert,
  }) => {
    const restore = deliveredByWorker()
    const serverBack = mailServerDown('Adresse refusée')
    try {
      await emailWaiting()
      await db.from('outgoing_emails').update({ attempts: OutgoingEmail.MAX_ATTEMPTS - 1 })
      assert.deepEqual(await OutgoingEmail.deliverDue(), { sent: 0, failed: 1 })
      const [email] = await OutgoingEmail.all()
      assert.isNotNull(email.abandonedAt)
      assert.equal(email.lastError, 'Adresse refusée')
      await db.from('outgoing_emails').update({
        deliver_after: DateTime.utc().minus({ hours: 1 }).toFormat('yyyy-MM-dd HH:mm:ss'),
      })
      serverBack()
      assert.deepEqual(await OutgoingEmail.deliverDue(), { sent: 0, failed: 0 })
      assert.lengthOf(recordedMails.messages, 0)
    } finally {
      serverBack()
      restore()
    }
  })

  test('a round reads its bookings once: as many queries for twelve emails as for two', async ({
    assert,
  }) => {
    const restore = deliveredByWorker()
    try {
      /** Confirmations of bookings of that many companies, sent in one round (counted). */
      const roundOf = async (count: number) => {
        const room = await createRoom()
        const notices: Parameters<typeof BookingNotification.notify>[1] = []
        for (let index = 0; index < count; index++) {
          const { company, tenant } = await hostedTenant()
          const hour = String(8 + index).padStart(2, '0')
          const booking = await bookDirectly(
            room,
            company.id,
            nextMonday(),
            `${hour}:00`,
            `${hour}:30`
          )
          notices.push({ booking, notice: 'created' as const, actor: tenant })
        }
        await DataRevision.transaction((trx) => BookingNotification.notify(trx, notices))
        let result = { sent: 0, failed: 0 }
        const queries = await countQueries(async () => {
          result = await OutgoingEmail.deliverDue()
        })
        return { queries, result }
      }
      const two = await roundOf(2)
      const twelve = await roundOf(12)
      assert.deepEqual(two.result, { sent: 2, failed: 0 })
      assert.deepEqual(twelve.result, { sent: 12, failed: 0 })
      assert.equal(twelve.queries, two.queries)
      assert.lengthOf(recordedMails.messages, 14)
    } finally {
      restore()
    }
  })

  test('an email that cannot be read fails alone; the others of its round are sent', async ({
    assert,
  }) => {
    const restore = deliveredByWorker()
    try {
      const { tenant } = await emailWaiting()
      const [good] = await OutgoingEmail.all()
      const now = DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')
      await db.table('outgoing_emails').multiInsert([
        { mail: 'booking_notification', payload: '{not json', deliver_after: now, created_at: now },
        { mail: 'retired_mail', payload: '{}', deliver_after: now, created_at: now },
      ])
      assert.deepEqual(await OutgoingEmail.deliverDue(), { sent: 1, failed: 2 })
      assert.lengthOf(recordedMails.to(tenant.email), 1)
      const emails = await OutgoingEmail.query().orderBy('id')
      assert.equal(emails[0].id, good.id)
      assert.isNotNull(emails[0].sentAt)
      assert.isNull(emails[1].sentAt)
      assert.match(emails[1].lastError!, /JSON/)
      assert.equal(emails[2].lastError, 'unknown mail "retired_mail"')
    } finally {
      restore()
    }
  })

  test('an email held by a deliverer that stopped is sent by another once its claim is over', async ({
    assert,
  }) => {
    const restore = deliveredByWorker()
    try {
      const { tenant } = await emailWaiting()
      // A deliverer took it a minute ago, then its process stopped.
      await db.from('outgoing_emails').update({
        claim: 'stopped',
        claimed_until: DateTime.utc().plus({ minutes: 4 }).toFormat('yyyy-MM-dd HH:mm:ss'),
        attempts: 1,
      })
      assert.deepEqual(await OutgoingEmail.deliverDue(), { sent: 0, failed: 0 })
      await db.from('outgoing_emails').update({
        claimed_until: DateTime.utc().minus({ seconds: 1 }).toFormat('yyyy-MM-dd HH:mm:ss'),
      })
      assert.deepEqual(await OutgoingEmail.deliverDue(), { sent: 1, failed: 0 })
      assert.lengthOf(recordedMails.to(tenant.email), 1)
    } finally {
      restore()
    }
  })
})

/**
 * Several deliverers at once (web instances, workers): each email is sent once. Truly
 * parallel on MySQL (no shared test transaction; each deliverer on its own connections).
 */
test.group('Emails: several deliverers at once', (group) => {
  group.each.setup(() => truncateAfterEach())
  group.each.setup(() => recordedMails.clear())

  test('four deliverers share 30 emails: each is sent exactly once', async ({ assert }) => {
    const restore = deliveredByWorker()
    try {
      const { booking, tenant } = await someBooking()
      await DataRevision.transaction((trx) =>
        BookingNotification.notify(
          trx,
          Array.from({ length: 30 }, () => ({ booking, notice: 'updated' as const, actor: tenant }))
        )
      )
      const results = await Promise.all(
        Array.from({ length: 4 }, () => OutgoingEmail.deliverDue(10))
      )
      let sent = results.reduce((sum, result) => sum + result.sent, 0)
      // Whatever the first round left (each deliverer takes at most 10) goes in the next.
      while (sent < 30) {
        const more = await OutgoingEmail.deliverDue(10)
        if (!more.sent) break
        sent += more.sent
      }
      assert.equal(sent, 30)
      assert.lengthOf(recordedMails.messages, 30)
      const emails = await OutgoingEmail.all()
      assert.isTrue(emails.every((email) => email.sentAt !== null && email.attempts === 1))
    } finally {
      restore()
    }
  }).timeout(60000)
})
