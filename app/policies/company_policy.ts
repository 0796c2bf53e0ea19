import type User from '#models/user'
import type Company from '#models/company'
import { BasePolicy } from '@adonisjs/bouncer'

/**
 * Who may see and change a company: managers all of them; a tenant only its
 * own company, and only its contact details. Officials never see a company's page
 * (it holds personal contact data).
 */
export default class CompanyPolicy extends BasePolicy {
  /** Managers list companies. */
  viewList(user: User) {
    return user.isManager
  }

  /**
   * Who reaches a company's pages at all, asked before the company is read: others get 403
   * whether it exists or not.
   */
  reach(user: User) {
    return user.isManager || user.isTenant
  }

  /** Managers see every company; a tenant sees its own. */
  view(user: User, company: Company) {
    return user.isManager || (user.isTenant && user.companyId === company.id)
  }

  /** A tenant's link to its own company's page (managers reach every company from the list). */
  viewOwn(user: User) {
    return user.isTenant && user.companyId !== null
  }

  /** Managers see internal notes and the history of changes. */
  viewInternals(user: User) {
    return user.isManager
  }

  /** Managers admit companies. */
  create(user: User) {
    return user.isManager
  }

  /** Managers edit the whole profile. */
  edit(user: User) {
    return user.isManager
  }

  /** A tenant edits its own company's contact details; managers any company's. */
  editContact(user: User, company: Company) {
    return this.view(user, company)
  }

  /**
   * Managers record a company's exit, archive and restore it (the forms and their posts;
   * the model refuses a change the company's state does not allow, with its reason).
   */
  manage(user: User) {
    return user.isManager
  }

  /** Whether the page offers to record the company's exit: a hosted company. */
  recordExit(user: User, company: Company) {
    return this.manage(user) && company.mayLeave
  }

  /** Whether the page offers to archive the company: one not hosted, not archived yet. */
  archive(user: User, company: Company) {
    return this.manage(user) && company.mayBeArchived && !company.isArchived
  }

  /** Whether the page offers to bring an archived company back into the lists. */
  restore(user: User, company: Company) {
    return this.manage(user) && company.mayBeArchived && company.isArchived
  }
}
