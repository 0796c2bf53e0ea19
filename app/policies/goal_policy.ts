import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** Managers set the goals that the dashboard follows. */
export default class GoalPolicy extends BasePolicy {
  /** The list of goals, their forms and which one is current. */
  manage(user: User) {
    return user.isManager
  }
}
