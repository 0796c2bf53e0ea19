import type { HttpContext } from '@adonisjs/core/http'
import AccountToken, { LinkError } from '#models/account_token'
import Invitation from '#models/invitation'
import type User from '#models/user'
import { invitationAcceptanceValidator } from '#validators/invitation'
import { signIn } from '#helpers/account_sessions'
import { linkProblemPage } from '#helpers/account_links'

/**
 * The invited person follows the link (valid 7 days, once), chooses a name and a
 * password, and lands signed in on their home page.
 */
export default class AcceptancesController {
  /** The form, the proposed name filled in, while the link works. */
  async create(ctx: HttpContext) {
    let invitation: Invitation
    try {
      const link = await AccountToken.valid('invitation', ctx.params.token)
      invitation = await Invitation.query()
        .where('id', link.invitationId ?? 0)
        .preload('company')
        .firstOrFail()
      if (invitation.revokedAt) throw new LinkError('revoked')
      if (invitation.acceptedAt) throw new LinkError('used')
    } catch (error) {
      return linkProblemPage(ctx, error, 'invitation')
    }
    return ctx.view.render('pages/invitations/acceptances/create', {
      token: ctx.params.token,
      invitation,
    })
  }

  /** Creates the account and signs the person in. */
  async store(ctx: HttpContext) {
    const { params, request, response, session, i18n } = ctx
    try {
      await AccountToken.valid('invitation', params.token)
    } catch (error) {
      return linkProblemPage(ctx, error, 'invitation')
    }
    const values = await request.validateUsing(invitationAcceptanceValidator)
    let user: User
    try {
      user = await Invitation.accept(params.token, values)
    } catch (error) {
      return linkProblemPage(ctx, error, 'invitation')
    }
    await signIn(ctx, user)
    session.flash('success', i18n.t('invitations.welcome', { name: user.fullName }))
    return response.redirect().toRoute('home')
  }
}
