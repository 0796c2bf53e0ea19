import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'
import Setting from '#models/setting'

/**
 * Who may invite people: managers (any role, any company), and tenants their own
 * company's colleagues unless the managers turned that off (settings).
 */
export default class InvitationPolicy extends BasePolicy {
  /** Managers see the pending invitations. */
  viewList(actor: User) {
    return actor.isManager
  }

  /** Managers invite; tenants with a company too, when the setting allows. */
  async create(actor: User) {
    if (actor.isManager) return true
    return actor.isTenant && !!actor.companyId && (await Setting.tenantsMayInvite())
  }

  /** Managers resend and withdraw invitations. */
  manage(actor: User) {
    return actor.isManager
  }
}
