import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'
import BookingPolicy from '#policies/booking_policy'

/** The rooms are shown to those who book them; managers set their rules. */
export default class MeetingRoomPolicy extends BasePolicy {
  /** The rooms' day view, for those who book. */
  viewList(user: User) {
    return new BookingPolicy().book(user)
  }

  /** A room's week view and photo, for those who book. */
  view(user: User) {
    return this.viewList(user)
  }

  /** A room's description and booking rules. */
  edit(user: User) {
    return user.isManager
  }
}
