import type User from '#models/user'
import type Closure from '#models/closure'
import { BasePolicy } from '@adonisjs/bouncer'

/** Managers close meeting rooms (or a building) and lift or cancel the closures. */
export default class ClosurePolicy extends BasePolicy {
  /** The current and past closures. */
  viewList(user: User) {
    return user.isManager
  }

  /** A closure with the bookings it cancelled. */
  view(user: User) {
    return user.isManager
  }

  /** Closing a room or a building. */
  create(user: User) {
    return user.isManager
  }

  /** Lifting or cancelling a closure (the model refuses one that is over). */
  manage(user: User) {
    return user.isManager
  }

  /** Whether the page offers to lift this closure: while it is active. */
  lift(user: User, closure: Closure) {
    return this.manage(user) && closure.isActive
  }
}
