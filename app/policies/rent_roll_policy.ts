import type User from '#models/user'
import { BasePolicy } from '@adonisjs/bouncer'

/** Managers keep the rent roll; officials and tenants never see rents. */
export default class RentRollPolicy extends BasePolicy {
  /** The month's rent roll and its CSV export. */
  view(user: User) {
    return user.isManager
  }
}
