import type User from '#models/user'
import type Agreement from '#models/agreement'
import type Company from '#models/company'
import { BasePolicy } from '@adonisjs/bouncer'

/**
 * Agreements are the managers' business; a tenant sees its own company's.
 */
export default class AgreementPolicy extends BasePolicy {
  /** Managers draft agreements. */
  create(user: User) {
    return user.isManager
  }

  /** Whether a company's page offers a new agreement: not for a company that has left. */
  createFor(user: User, company: Company) {
    return this.create(user) && company.mayTakeAgreements
  }

  /**
   * Who reaches an agreement's page at all, asked before the agreement is read: others get
   * 403 whether it exists or not.
   */
  reach(user: User) {
    return user.isManager || user.isTenant
  }

  /** Managers see every agreement; a tenant its own company's. */
  view(user: User, agreement: Agreement) {
    return user.isManager || (user.isTenant && user.companyId === agreement.companyId)
  }

  /** Managers see the history of changes. */
  viewHistory(user: User) {
    return user.isManager
  }

  /**
   * Managers edit, sign, renew, move and terminate agreements (the forms and their posts; the
   * model refuses a change the agreement's state does not allow, with its reason).
   */
  manage(user: User) {
    return user.isManager
  }

  /** Whether the page offers to sign this agreement: a draft. */
  activate(user: User, agreement: Agreement) {
    return this.manage(user) && agreement.isSignable
  }

  /** Whether the page offers to edit this agreement's terms: a draft, never signed. */
  edit(user: User, agreement: Agreement) {
    return this.manage(user) && agreement.isEditable
  }

  /** Whether the page offers to discard this agreement: a draft, never signed. */
  discard(user: User, agreement: Agreement) {
    return this.manage(user) && agreement.isDiscardable
  }

  /** Whether the page offers to renew this agreement: a draft or an active one. */
  renew(user: User, agreement: Agreement) {
    return this.manage(user) && agreement.isRenewable
  }

  /** Whether the page offers to move this agreement to other cells: an active one. */
  move(user: User, agreement: Agreement) {
    return this.manage(user) && agreement.isTerminable
  }

  /** Whether the page offers to terminate this agreement: an active one. */
  terminate(user: User, agreement: Agreement) {
    return this.manage(user) && agreement.isTerminable
  }
}
