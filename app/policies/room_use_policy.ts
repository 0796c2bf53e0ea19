import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** The meeting rooms' use per company is the managers' report (it names the companies). */
export default class RoomUsePolicy extends BasePolicy {
  /** The monthly report and its CSV export. */
  view(user: User) {
    return user.isManager
  }
}
