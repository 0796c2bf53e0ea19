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

  /** Managers see every company; a tenant sees its own. */
  view(user: User, company: Company) {
    return user.isManager || (user.isTenant && user.companyId === company.id)
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
  edit(user: User, _company: Company) {
    return user.isManager
  }

  /** A tenant edits its own company's contact details; managers any company's. */
  editContact(user: User, company: Company) {
    return this.view(user, company)
  }

  /** Managers archive and restore companies. */
  archive(user: User, _company: Company) {
    return user.isManager
  }

  /** Managers record a company's exit. */
  recordExit(user: User, _company: Company) {
    return user.isManager
  }
}
