import type { HttpContext } from '@adonisjs/core/http'
import { LinkError } from '#models/account_token'

/**
 * The page of a link that does not work (expired, used, revoked, or never issued): it
 * says why in the person's language and offers to ask for a new one; 404 for a link
 * never issued, 410 for one that worked once. Any other error goes on.
 */
export async function linkProblemPage(
  { response, view }: HttpContext,
  error: unknown,
  kind: 'password_reset' | 'invitation'
) {
  if (!(error instanceof LinkError)) throw error
  response.status(error.problem === 'unknown' ? 404 : 410)
  return view.render('pages/account_links/invalid', { problem: error.problem, kind })
}
