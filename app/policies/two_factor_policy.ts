import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/**
 * One's own second factor: anyone may turn it on (managers may be required to); turning it
 * off and renewing the recovery codes need it on.
 */
export default class TwoFactorPolicy extends BasePolicy {
  /** The page of one's second factor, and its enrolment. */
  edit(_user: User) {
    return true
  }
}
