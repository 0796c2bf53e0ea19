import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** Which cells are free for a new agreement is the managers' question. */
export default class FreeCellPolicy extends BasePolicy {
  /** The free cells over a period. */
  viewList(user: User) {
    return user.isManager
  }
}
