import type User from '#models/user'
import type Company from '#models/company'
import type Mandate from '#models/mandate'
import { BasePolicy } from '@adonisjs/bouncer'

/**
 * SEPA mandates: managers record and revoke them; a tenant sees its own company's mandate,
 * read-only, its IBAN masked. Officials see none.
 */
export default class MandatePolicy extends BasePolicy {
  /** Managers record a company's new mandate and revoke one. */
  manage(user: User) {
    return user.isManager
  }

  /** Managers see every company's mandate; a tenant its own company's. */
  viewFor(user: User, company: Company) {
    return user.isManager || (user.isTenant && user.companyId === company.id)
  }

  /** Whether the page offers to revoke a mandate: an active one, for managers. */
  revoke(user: User, mandate: Mandate) {
    return this.manage(user) && mandate.isActive
  }

  /** Who sees the whole IBAN (managers); tenants see it masked. */
  viewIban(user: User) {
    return user.isManager
  }
}
