import type User from '#models/user'
import type Invoice from '#models/invoice'
import { BasePolicy } from '@adonisjs/bouncer'

/**
 * Who may see and make invoices: managers run the billing (prepare, edit drafts, issue,
 * credit); a tenant sees its own company's issued invoices and credit notes, read only;
 * officials see nothing of billing.
 */
export default class InvoicePolicy extends BasePolicy {
  /** Managers see the month's run; a tenant with a company, its company's invoices. */
  viewList(user: User) {
    return user.isManager || (user.isTenant && user.companyId !== null)
  }

  /** Managers see every invoice; a tenant its own company's once issued (a draft is not a document). */
  view(user: User, invoice: Invoice) {
    return (
      user.isManager || (user.isTenant && user.companyId === invoice.companyId && invoice.isIssued)
    )
  }

  /** Managers prepare the month, edit drafts, issue and make credit notes. */
  manage(user: User) {
    return user.isManager
  }

  /** Whether a draft's lines may be edited (and the draft issued): a manager, a draft. */
  editDraft(user: User, invoice: Invoice) {
    return user.isManager && invoice.isDraft
  }

  /** Whether a credit note may be made from it: a manager, an issued invoice. */
  credit(user: User, invoice: Invoice) {
    return user.isManager && invoice.isCreditable
  }
}
