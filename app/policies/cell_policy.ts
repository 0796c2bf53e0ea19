import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/**
 * Cells are the managers' business: they list and edit them.
 */
export default class CellPolicy extends BasePolicy {
  /** Managers list the cells. */
  viewList(user: User) {
    return user.isManager
  }

  /** Managers edit a cell. */
  edit(user: User) {
    return user.isManager
  }
}
