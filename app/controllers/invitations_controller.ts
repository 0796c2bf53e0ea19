import type { HttpContext } from '@adonisjs/core/http'
import Invitation from '#models/invitation'
import Company from '#models/company'
import { ROLES } from '#models/user'
import InvitationPolicy from '#policies/invitation_policy'
import { colleagueInvitationValidator, managerInvitationValidator } from '#validators/invitation'

/**
 * Invitations to open an account: managers invite anyone (a role, a company) and see,
 * resend (invitations/:id/renewal) or withdraw the pending ones; a tenant invites
 * colleagues of their own company only, whatever the form sends.
 */
export default class InvitationsController {
  /** The pending invitations, the latest first. */
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with(InvitationPolicy).authorize('viewList')
    const invitations = await Invitation.query()
      .withScopes((scopes) => scopes.pending())
      .preload('company')
      .preload('invitedBy')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
    return view.render('pages/invitations/index', { invitations })
  }

  /**
   * The form to invite a person (a tenant sees only the address and the name). Back with
   * an address that a pending invitation waits for, a manager is offered to resend that one.
   */
  async create({ auth, bouncer, session, view }: HttpContext) {
    await bouncer.with(InvitationPolicy).authorize('create')
    const user = auth.getUserOrFail()
    const companies = user.isManager ? await Company.choices() : []
    const own = user.companyId ? await Company.find(user.companyId) : null
    const kept = session.flashMessages.get('email')
    const pending =
      user.isManager && typeof kept === 'string'
        ? await Invitation.pendingFor(kept.trim().toLowerCase())
        : null
    return view.render('pages/invitations/create', {
      companies,
      roles: ROLES,
      companyName: own?.name ?? '',
      pending,
    })
  }

  /** Invites the person and sends the link. */
  async store({ auth, bouncer, request, response, session, i18n }: HttpContext) {
    await bouncer.with(InvitationPolicy).authorize('create')
    const user = auth.getUserOrFail()
    const values = user.isManager
      ? await request.validateUsing(managerInvitationValidator)
      : {
          ...(await request.validateUsing(colleagueInvitationValidator)),
          role: 'tenant' as const,
          companyId: user.companyId,
        }

    const invitation = await Invitation.invite(values, user)

    session.flash('success', i18n.t('invitations.sent', { email: invitation.email }))
    return response.redirect().toRoute(user.isManager ? 'invitations.index' : 'invitations.create')
  }

  /** Withdraws a pending invitation: its link stops working. */
  async destroy({ bouncer, params, response, session, i18n }: HttpContext) {
    await bouncer.with(InvitationPolicy).authorize('manage')
    const invitation = await Invitation.findOrFail(params.id)
    await invitation.revoke()
    session.flash('success', i18n.t('invitations.revoked', { email: invitation.email }))
    return response.redirect().toRoute('invitations.index')
  }
}
