import type { HttpContext } from '@adonisjs/core/http'
import { LinkError } from '#models/account_token'
import { DomainError } from '#exceptions/domain_error'

/** What a single-use link is for, as its pages say. */
export type LinkKind = 'password_reset' | 'invitation' | 'email_change'

/**
 * The page of a link that does not work (expired, used, revoked, or never issued; for an
 * email change, a new address taken meanwhile): it says why in the person's language and
 * offers to ask for a new one; 404 for a link never issued, 409 for an address taken,
 * 410 for one that worked once. Any other error goes on.
 */
export async function linkProblemPage(
  { response, view }: HttpContext,
  error: unknown,
  kind: LinkKind
) {
  const problem =
    error instanceof LinkError
      ? error.problem
      : error instanceof DomainError && kind === 'email_change'
        ? 'taken'
        : null
  if (!problem) throw error
  response.status(problem === 'unknown' ? 404 : problem === 'taken' ? 409 : 410)
  return view.render('pages/account_links/invalid', { problem, kind })
}
