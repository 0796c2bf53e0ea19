import type { HttpContext } from '@adonisjs/core/http'
import Invitation from '#models/invitation'
import InvitationPolicy from '#policies/invitation_policy'

/** An invitation sent again: a new link, valid 7 days; the former one stops working. */
export default class RenewalsController {
  /** Sends the invitation again. */
  async store({ auth, bouncer, params, response, session, i18n }: HttpContext) {
    await bouncer.with(InvitationPolicy).authorize('manage')
    const invitation = await Invitation.findOrFail(params.id)
    await invitation.resend(auth.getUserOrFail())
    session.flash('success', i18n.t('invitations.resent', { email: invitation.email }))
    return response.redirect().toRoute('invitations.index')
  }
}
