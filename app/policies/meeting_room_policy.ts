import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** Managers set the meeting rooms' rules. */
export default class MeetingRoomPolicy extends BasePolicy {
  /** A room's description and booking rules. */
  edit(user: User) {
    return user.isManager
  }
}
