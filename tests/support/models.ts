import { DomainError } from '#exceptions/domain_error'
import AuditEvent from '#models/audit_event'

/** The message key of the rule that refused a change, or null when nothing refused it. */
export async function rejection(change: () => Promise<unknown>) {
  try {
    await change()
  } catch (error) {
    if (error instanceof DomainError) return error.messageKey
    throw error
  }
  return null
}

/** The actions recorded about a record, oldest first. */
export async function recorded(subject: { constructor: { name: string }; id: number }) {
  const events = await AuditEvent.historyOf(subject)
  return events.map((event) => event.action).reverse()
}
