import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** Managers set the goals; officials and managers follow them on the dashboard. */
export default class GoalPolicy extends BasePolicy {
  /** The list of goals and their forms. */
  manage(user: User) {
    return user.isManager
  }

  /** The dashboard, its print view and exports. */
  viewDashboard(user: User) {
    return user.isManager || user.isOfficial
  }

  /** The companies and declarations behind each figure (officials get per-company totals). */
  traceToDeclarations(user: User) {
    return user.isManager
  }
}
