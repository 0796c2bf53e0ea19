import type User from '#models/user'
import type Agreement from '#models/agreement'
import { BasePolicy } from '@adonisjs/bouncer'

/**
 * Agreements are the managers' business; a tenant sees its own company's.
 */
export default class AgreementPolicy extends BasePolicy {
  /** Managers draft agreements. */
  create(user: User) {
    return user.isManager
  }

  /** Managers see every agreement; a tenant its own company's. */
  view(user: User, agreement: Agreement) {
    return user.isManager || (user.isTenant && user.companyId === agreement.companyId)
  }

  /** Managers see the history of changes. */
  viewHistory(user: User) {
    return user.isManager
  }

  /** Managers keep the rent roll; officials never see rents. */
  viewRentRoll(user: User) {
    return user.isManager
  }

  /** Managers terminate and renew agreements. */
  manage(user: User, _agreement: Agreement) {
    return user.isManager
  }

  /** Managers sign (activate) drafts. */
  activate(user: User, _agreement: Agreement) {
    return user.isManager
  }
}
