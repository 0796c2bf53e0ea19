import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** A calendar subscription follows bookings: those who book have one, officials do not. */
export default class CalendarPolicy extends BasePolicy {
  /** The secret feed addresses and their renewal. */
  edit(user: User) {
    return user.isManager || user.isTenant
  }
}
