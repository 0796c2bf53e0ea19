import type User from '#models/user'
import type Company from '#models/company'
import type Declaration from '#models/declaration'
import { BasePolicy } from '@adonisjs/bouncer'

/**
 * Tenants declare for their own company; managers validate, correct and declare
 * on any company's behalf. Officials never see individual declarations.
 */
export default class DeclarationPolicy extends BasePolicy {
  /**
   * Who reaches declarations at all, asked before the company or the declaration is read:
   * others get 403 whether it exists or not.
   */
  reach(user: User) {
    return user.isManager || user.isTenant
  }

  /** The company's declarations page. */
  viewFor(user: User, company: Company) {
    return user.isManager || (user.isTenant && user.companyId === company.id)
  }

  /** The declarations of every company: what is missing, what awaits validation. */
  viewAll(user: User) {
    return user.isManager
  }

  /** Managers see a declaration's history of changes. */
  viewHistory(user: User) {
    return user.isManager
  }

  /** Declaring for a company. */
  declareFor(user: User, company: Company) {
    return this.viewFor(user, company)
  }

  /** Correcting a declaration (tenants: until it is validated; checked by the model). */
  edit(user: User, declaration: Declaration) {
    return user.isManager || (user.isTenant && user.companyId === declaration.companyId)
  }

  /** Whether a page offers the correction: tenants until it is validated, managers always. */
  correct(user: User, declaration: Declaration) {
    return this.edit(user, declaration) && declaration.isEditableBy(user)
  }

  /** Managers validate declarations (the post itself; see validate for the offer). */
  review(user: User) {
    return user.isManager
  }

  /** Whether a page offers to validate the declaration: one not validated yet. */
  validate(user: User, declaration: Declaration) {
    return this.review(user) && !declaration.isValidated
  }
}
