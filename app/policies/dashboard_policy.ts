import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** The dashboard follows the goals for managers and officials; officials see aggregates only. */
export default class DashboardPolicy extends BasePolicy {
  /** The dashboard, its print view and exports. */
  view(user: User) {
    return user.isManager || user.isOfficial
  }

  /** The companies and declarations behind each figure (officials get per-company totals). */
  traceToDeclarations(user: User) {
    return user.isManager
  }
}
