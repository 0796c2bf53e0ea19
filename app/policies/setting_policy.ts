import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** The incubator's rules are the managers' to change. */
export default class SettingPolicy extends BasePolicy {
  /** Managers see and change the settings. */
  edit(user: User) {
    return user.isManager
  }
}
