import type User from '#models/user'
import type Booking from '#models/booking'
import { BasePolicy } from '@adonisjs/bouncer'

/**
 * Tenants book the meeting rooms for their own company and see only their own
 * bookings' details; managers book for any company; officials do not book.
 */
export default class BookingPolicy extends BasePolicy {
  /** The room calendars and the booking form. */
  book(user: User) {
    return user.isManager || (user.isTenant && user.companyId !== null)
  }

  /**
   * Who reaches a booking at all, asked before the booking is read: others get 403 whether
   * it exists or not.
   */
  reach(user: User) {
    return user.isManager || user.isTenant
  }

  /** A booking's details (title, attendees) and its edit and cancel forms. */
  manage(user: User, booking: Booking) {
    return user.isManager || (user.isTenant && user.companyId === booking.companyId)
  }

  /**
   * Managers act for every company: they book for any of them, see all their bookings and
   * calendars, and may book beyond a room's rules with a reason.
   */
  actForEveryCompany(user: User) {
    return user.isManager
  }

  /** Whether a list offers to change or cancel the booking: a confirmed one. */
  change(user: User, booking: Booking) {
    return this.manage(user, booking) && booking.isConfirmed
  }
}
