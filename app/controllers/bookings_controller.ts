import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import Booking from '#models/booking'
import Company from '#models/company'
import MeetingRoom from '#models/meeting_room'
import AuditEvent from '#models/audit_event'
import BookingPolicy from '#policies/booking_policy'
import { createBookingValidator, updateBookingValidator } from '#validators/booking'
import { sqlDateTime } from '#helpers/sql_dates'
import { toLocal } from '#domain/local_time'
import type User from '#models/user'
import BookingSeries from '#models/booking_series'
import { DomainError } from '#exceptions/domain_error'
import type { Infer } from '@vinejs/vine/types'

/** The fields of a series request, sent again when the user chooses to skip its conflicts. */
const SERIES_FIELDS = [
  'meetingRoomId',
  'companyId',
  'date',
  'startTime',
  'endTime',
  'title',
  'attendees',
  'overrideReason',
  'repeatEvery',
  'repeatUntil',
  'repeatCount',
]

/** The company a booking is for: the tenant's own; a manager's choice, which is required. */
function companyOf(user: User, companyId: number | undefined, everyCompany: boolean) {
  const chosen = everyCompany ? companyId : user.companyId
  if (!chosen) throw new DomainError('bookings.errors.company_required', 'companyId')
  return chosen
}

/** What the person's company has booked and may still book this month and next, if any. */
async function quotaMonthsOf(user: User) {
  if (!user.companyId) return null
  const company = await Company.findOrFail(user.companyId)
  return company.quotaMonths()
}

/**
 * Bookings of the meeting rooms: "my bookings" (a company's upcoming and past ones;
 * managers see them all), the booking form prefilled from a free slot, changes.
 */
export default class BookingsController {
  /** Upcoming and past bookings of the tenant's company (managers: of every company). */
  async index({ auth, bouncer, view }: HttpContext) {
    await bouncer.with(BookingPolicy).authorize('book')
    const user = auth.getUserOrFail()
    const everyCompany = await bouncer.with(BookingPolicy).allows('actForEveryCompany')
    const now = sqlDateTime(DateTime.utc())
    const scoped = () => {
      const query = Booking.query()
        .preload('meetingRoom', (room) => room.select('id', 'name', 'cancellation_cutoff_minutes'))
        .preload('company', (company) => company.select('id', 'name'))
      if (!everyCompany) query.where('company_id', user.companyId!)
      return query
    }
    const [upcoming, past, quota] = await Promise.all([
      scoped().where('ends_at', '>=', now).orderBy('starts_at').limit(200),
      scoped().where('ends_at', '<', now).orderBy('starts_at', 'desc').limit(50),
      quotaMonthsOf(user),
    ])
    return view.render('pages/bookings/index', { upcoming, past, quota, everyCompany })
  }

  /** The booking form, prefilled with the room and time of the free slot clicked. */
  async create({ auth, bouncer, request, view }: HttpContext) {
    await bouncer.with(BookingPolicy).authorize('book')
    const user = auth.getUserOrFail()
    const everyCompany = await bouncer.with(BookingPolicy).allows('actForEveryCompany')
    const [rooms, companies, quota] = await Promise.all([
      MeetingRoom.byName(),
      everyCompany ? Company.choices({ leaving: true }) : Promise.resolve([]),
      quotaMonthsOf(user),
    ])
    return view.render('pages/bookings/form', {
      booking: null,
      rooms,
      companies,
      quota,
      values: {
        meetingRoomId: request.input('room', rooms[0]?.id),
        date: request.input('date', toLocal(DateTime.utc()).toISODate()),
        startTime: request.input('start', ''),
        endTime: request.input('end', ''),
        attendees: 2,
      },
    })
  }

  /** Books the room, or brings the form back with what went wrong. */
  async store(ctx: HttpContext) {
    const { auth, bouncer, request, response, session, i18n } = ctx
    await bouncer.with(BookingPolicy).authorize('book')
    const user = auth.getUserOrFail()
    const { date, startTime, endTime, overrideReason, ...values } =
      await request.validateUsing(createBookingValidator)
    if (values.repeatEvery)
      return this.#storeSeries(ctx, { date, startTime, endTime, overrideReason, ...values })
    const everyCompany = await bouncer.with(BookingPolicy).allows('actForEveryCompany')
    const companyId = companyOf(user, values.companyId, everyCompany)
    const span = MeetingRoom.spanOf(date, startTime, endTime)

    const booking = await Booking.book(
      {
        meetingRoomId: values.meetingRoomId,
        companyId,
        title: values.title,
        attendees: values.attendees,
        ...span,
      },
      user,
      overrideReason ?? null
    )

    session.flash('success', i18n.t('bookings.created'))
    return response.redirect().toRoute(
      'meeting_rooms.show',
      { id: booking.meetingRoomId },
      {
        qs: { week: toLocal(booking.startsAt).toISODate() },
      }
    )
  }

  /**
   * A recurring booking: every occurrence is checked first; when some conflict, the
   * user sees them and chooses to book the others or to give up the request.
   */
  async #storeSeries(ctx: HttpContext, input: Infer<typeof createBookingValidator>) {
    const { auth, bouncer, request, response, session, i18n, view } = ctx
    const user = auth.getUserOrFail()
    const everyCompany = await bouncer.with(BookingPolicy).allows('actForEveryCompany')
    const companyId = companyOf(user, input.companyId, everyCompany)
    const seriesRequest = BookingSeries.requestFrom({ ...input, companyId })
    const overrideReason = input.overrideReason ?? null
    if (input.conflicts !== 'skip') {
      const planned = await BookingSeries.plan(seriesRequest, user, overrideReason)
      if (planned.some((entry) => entry.problem)) {
        const room = await MeetingRoom.findOrFail(input.meetingRoomId)
        return view.render('pages/bookings/series_conflicts', {
          planned,
          room,
          fields: request.only(SERIES_FIELDS),
        })
      }
    }
    const result = await BookingSeries.book(seriesRequest, user, overrideReason, true)
    session.flash(
      'success',
      i18n.t('bookings.series_created', { count: result.bookings.length, skipped: result.skipped })
    )
    return response.redirect().toRoute('bookings.index')
  }

  /** The form to change a booking (title, time, attendees). */
  async edit({ auth, bouncer, params, view }: HttpContext) {
    await bouncer.with(BookingPolicy).authorize('reach')
    const booking = await Booking.findOrFail(params.id)
    await bouncer.with(BookingPolicy).authorize('manage', booking)
    await booking.load('meetingRoom')
    const user = auth.getUserOrFail()
    const [rooms, history, quota] = await Promise.all([
      MeetingRoom.byName(),
      AuditEvent.historyOf(booking),
      quotaMonthsOf(user),
    ])
    return view.render('pages/bookings/form', {
      booking,
      rooms,
      companies: [],
      quota,
      history,
      values: {
        meetingRoomId: booking.meetingRoomId,
        date: booking.localStart.toISODate(),
        startTime: booking.localStart.toFormat('HH:mm'),
        endTime: booking.localEnd.toFormat('HH:mm'),
        title: booking.title,
        attendees: booking.attendees,
      },
    })
  }

  /** Changes the booking under the same rules as a new one, or brings the form back. */
  async update(ctx: HttpContext) {
    const { auth, bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(BookingPolicy).authorize('reach')
    const booking = await Booking.findOrFail(params.id)
    await bouncer.with(BookingPolicy).authorize('manage', booking)
    const user = auth.getUserOrFail()
    const { date, startTime, endTime, overrideReason, ...values } =
      await request.validateUsing(updateBookingValidator)
    const span = MeetingRoom.spanOf(date, startTime, endTime)

    await booking.change({ ...values, ...span }, user, overrideReason ?? null)

    session.flash('success', i18n.t('bookings.updated'))
    return response.redirect().toRoute('bookings.index')
  }
}
