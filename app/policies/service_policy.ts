import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** The services catalogue is the managers' to keep. */
export default class ServicePolicy extends BasePolicy {
  /** Managers list, add, edit, archive and restore services. */
  manage(user: User) {
    return user.isManager
  }
}
