import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/**
 * Who may see and change user accounts: managers only, and never to lock
 * themselves out.
 */
export default class UserPolicy extends BasePolicy {
  /** Managers list and create accounts. */
  viewList(actor: User) {
    return actor.isManager
  }

  /** Managers create accounts. */
  create(actor: User) {
    return actor.isManager
  }

  /** Managers edit any account. */
  edit(actor: User) {
    return actor.isManager
  }

  /** Managers disable any account but their own. */
  disable(actor: User, user: User) {
    return actor.isManager && actor.id !== user.id
  }

  /** Managers reset another person's second factor; their own needs a recovery code. */
  resetTwoFactor(actor: User, user: User) {
    return actor.isManager && actor.id !== user.id
  }
}
