import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** The operator's identity and bank details are the managers' to keep. */
export default class OperatorPolicy extends BasePolicy {
  /** Managers see and change the operator's details. */
  edit(user: User) {
    return user.isManager
  }
}
