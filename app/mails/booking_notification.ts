import { formatDate } from '#helpers/formatting'
import { BaseMail } from '@adonisjs/mail'
import i18nManager from '@adonisjs/i18n/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Booking from '#models/booking'
import OutgoingEmail from '#models/outgoing_email'
import type User from '#models/user'
import { appUrl } from '#mails/declaration_reminder_notification'
import { bookingsCalendar } from '#domain/booking_calendar'

/** Why a booking email is sent. */
export type BookingNotice =
  'created' | 'series_created' | 'updated' | 'cancelled' | 'cancelled_by_manager'

/** What the outbox keeps of a booking notice: the booking, why, who acted, the occurrences. */
type BookingNoticePayload = {
  bookingId: number
  notice: BookingNotice
  actorEmail: string
  occurrenceIds?: number[]
}

/**
 * Tells the booker (or, when a manager cancels, the company) that a booking was made,
 * changed or cancelled, with the event attached as an .ics file that calendars import
 * (same UID as the feeds, so it updates the same event). In French.
 */
export default class BookingNotification extends BaseMail {
  constructor(
    private booking: Booking,
    private notice: BookingNotice,
    private recipients: string[],
    /** For a recurring series: every occurrence booked (the first is "booking"). */
    private occurrences: Booking[] = [booking]
  ) {
    super()
  }

  /**
   * Puts the notice in the outbox, in the transaction of the change (sent once it
   * commits, never for a change rolled back): to the person who acted, or, when a
   * manager cancels, to the company's active accounts (else its contact address).
   */
  static async notify(
    trx: TransactionClientContract,
    notices: { booking: Booking; notice: BookingNotice; actor: User; occurrences?: Booking[] }[]
  ) {
    await OutgoingEmail.enqueue(
      trx,
      'booking_notification',
      notices.map(({ booking, notice, actor, occurrences }): BookingNoticePayload => ({
        bookingId: booking.id,
        notice,
        actorEmail: actor.email,
        ...(occurrences ? { occurrenceIds: occurrences.map((occurrence) => occurrence.id) } : {}),
      }))
    )
  }

  /**
   * The notices again from the outbox, in the payloads' order, with the bookings as they
   * are now and their recipients (null when there is no one to tell): the bookings of a
   * whole round read in one query, with their rooms and companies.
   */
  static async fromOutbox(payloads: BookingNoticePayload[]) {
    const ids = new Set(payloads.flatMap((each) => [each.bookingId, ...(each.occurrenceIds ?? [])]))
    const toCompanies = payloads.some((each) => each.notice === 'cancelled_by_manager')
    const bookings = await Booking.query()
      .whereIn('id', [...ids])
      .preload('meetingRoom')
      .preload('company', (company) => {
        if (toCompanies) company.preload('users', (users) => users.whereNull('disabled_at'))
      })
    const byId = new Map(bookings.map((each) => [each.id, each]))
    return payloads.map(({ bookingId, notice, actorEmail, occurrenceIds }) => {
      const booking = byId.get(bookingId)
      if (!booking) return null
      const recipients =
        notice === 'cancelled_by_manager'
          ? booking.company.users.map((user) => user.email)
          : [actorEmail]
      if (!recipients.length && booking.company.email) recipients.push(booking.company.email)
      if (!recipients.length) return null
      const occurrences = (occurrenceIds ?? [bookingId])
        .map((id) => byId.get(id))
        .filter((each): each is Booking => each !== undefined)
      return new BookingNotification(booking, notice, recipients, occurrences)
    })
  }

  /** Recipients, subject, both bodies and the calendar event. */
  prepare() {
    const i18n = i18nManager.locale('fr')
    for (const address of this.recipients) this.message.to(address)
    const data = {
      i18n,
      locale: 'fr',
      notice: this.notice,
      booking: this.booking,
      start: this.booking.localStart.setLocale('fr-FR'),
      end: this.booking.localEnd.setLocale('fr-FR'),
      link: appUrl(urlFor('bookings.index')),
      occurrences: this.occurrences.map((occurrence) =>
        formatDate(occurrence.localStart, 'fr', 'weekday')
      ),
    }
    this.message.subject(
      i18n.t(`booking_mails.subjects.${this.notice}`, {
        room: this.booking.meetingRoom.name,
        date: formatDate(data.start, 'fr'),
      })
    )
    this.message.htmlView('emails/booking_html', data)
    this.message.textView('emails/booking_text', data)
    const cancelled = this.notice.startsWith('cancelled')
    this.message.attachData(
      Buffer.from(
        bookingsCalendar(
          i18n.t('booking_mails.calendar_name'),
          this.occurrences,
          'company',
          cancelled ? 'cancel' : 'request'
        )
      ),
      {
        filename: 'reservation.ics',
        contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'REQUEST'}`,
      }
    )
  }
}
