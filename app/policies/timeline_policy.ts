import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** The cells' occupation over time names companies and their agreements: managers only. */
export default class TimelinePolicy extends BasePolicy {
  /** The timeline of every cell. */
  view(user: User) {
    return user.isManager
  }
}
