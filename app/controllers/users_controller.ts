import type { HttpContext } from '@adonisjs/core/http'
import { pageInFrenchOrder } from '#helpers/collation'
import User, { ROLES } from '#models/user'
import Company from '#models/company'
import UserPolicy from '#policies/user_policy'
import { createUserValidator, updateUserValidator } from '#validators/user'
import { pageAsked } from '#helpers/pagination'
import { dropEndedSessions } from '#helpers/account_sessions'
import AuditEvent from '#models/audit_event'

/**
 * Managers keep the list of accounts: create, edit, and (through the
 * disablement resource) disable and re-enable them.
 */
export default class UsersController {
  /** Accounts, filterable by role, paginated. */
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('viewList')
    const role = ROLES.find((candidate) => candidate === request.input('role'))
    const page = pageAsked(request.input('page'))

    const users = await pageInFrenchOrder(
      User.query().if(role, (query) => query.where('role', role!)),
      { name: 'full_name', page, perPage: 25, load: (query) => query.preload('company') }
    )
    users.baseUrl(request.url()).queryString(role ? { role } : {})

    return view.render('pages/users/index', { users, role, roles: ROLES })
  }

  /** The form to create an account. */
  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('create')
    const companies = await Company.choices({ alumni: true })
    return view.render('pages/users/create', { companies, roles: ROLES })
  }

  /** Creates the account and records who did it. */
  async store(ctx: HttpContext) {
    const { bouncer, request, response, session, i18n } = ctx
    await bouncer.with(UserPolicy).authorize('create')
    const data = await request.validateUsing(createUserValidator)

    await User.register(data)

    session.flash('success', i18n.t('users.created', { name: data.fullName }))
    return response.redirect().toRoute('users.index')
  }

  /**
   * The form to edit an account, with the history of its address, role and access, and
   * its second factor with that factor's history.
   */
  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('edit')
    const user = await User.findOrFail(params.id)
    const companies = await Company.choices({ alumni: true, current: user.companyId })
    const history = await AuditEvent.historyOf(user)
    const twoFactorHistory = history.filter((event) =>
      /^user\.(two_factor|recovery_code)/.test(event.action)
    )
    const accountHistory = history.filter((event) =>
      /^user\.(created|updated|email_changed|disabled|enabled)$/.test(event.action)
    )
    return view.render('pages/users/edit', {
      user,
      companies,
      roles: ROLES,
      accountHistory,
      twoFactorHistory,
    })
  }

  /** Saves the account and records the values before and after. */
  async update(ctx: HttpContext) {
    const { bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(UserPolicy).authorize('edit')
    const user = await User.findOrFail(params.id)
    const data = await request.validateUsing(updateUserValidator, { meta: { userId: user.id } })

    await user.updateAccount(data)
    await dropEndedSessions(user, ctx)

    session.flash('success', i18n.t('users.updated', { name: user.fullName }))
    return response.redirect().toRoute('users.index')
  }
}
