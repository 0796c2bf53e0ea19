import type { HttpContext } from '@adonisjs/core/http'
import Mandate from '#models/mandate'
import MandatePolicy from '#policies/mandate_policy'
import Company, { COMPANY_STATUSES, EXIT_REASONS, LEGAL_FORMS, SECTORS } from '#models/company'
import AuditEvent from '#models/audit_event'
import CompanyPolicy from '#policies/company_policy'
import { pageInFrenchOrder } from '#helpers/collation'
import { companyFiltersValidator, companyValidator, profileAttributes } from '#validators/company'

const SORTS = {
  name: ['name', 'asc'],
  status: ['status', 'asc'],
  created: ['created_at', 'desc'],
} as const

/** Companies a page of the list shows. */
const PER_PAGE = 25

/**
 * Escapes LIKE wildcards typed by the user (with "!", an escape character both MySQL and
 * SQLite accept in an ESCAPE clause). Plain LIKE (not knex's whereLike, which forces
 * a binary collation on MySQL) keeps the search case-insensitive on MySQL and SQLite.
 */
function escapeLike(text: string) {
  return text.replace(/[!%_]/g, (char) => `!${char}`)
}

/**
 * Managers admit companies, keep their profiles and follow their lifecycle.
 * Tenants see their own company's page.
 */
export default class CompaniesController {
  /** Companies, filtered by status, sector and digital flag, searched by name or SIRET. */
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.with(CompanyPolicy).authorize('viewList')
    const filters = await companyFiltersValidator.validate(request.qs()).catch(() => ({}) as any)
    const [column, direction] = SORTS[filters.sort as keyof typeof SORTS] ?? SORTS.name
    const search = filters.q?.replace(/[\s.]/g, '')

    const filtered = () =>
      Company.query()
        .withScopes((scopes) => scopes.archived(filters.archived === 'yes'))
        .if(filters.status, (query) =>
          query.withScopes((scopes) => scopes.inLifecycle(filters.status))
        )
        .if(filters.sector, (query) => query.where('sector', filters.sector))
        .if(filters.digital, (query) => query.where('digital', filters.digital === 'yes'))
        .if(filters.q, (query) =>
          query.where((group) => {
            group.whereRaw(`name like ? escape '!'`, [`%${escapeLike(filters.q)}%`])
            if (search && /^\d+$/.test(search)) group.orWhere('siret', 'like', `${search}%`)
          })
        )

    const companies =
      column === 'name' || column === 'status'
        ? await pageInFrenchOrder(filtered(), {
            name: 'name',
            first: column === 'status' ? 'status' : undefined,
            page: filters.page ?? 1,
            perPage: PER_PAGE,
          })
        : await filtered()
            .orderBy(column, direction)
            .orderBy('id', 'asc')
            .paginate(filters.page ?? 1, 25)

    const { page, ...kept } = filters
    companies.baseUrl(request.url()).queryString(kept)

    return view.render('pages/companies/index', {
      companies,
      filters,
      statuses: COMPANY_STATUSES,
      sectors: SECTORS,
    })
  }

  /** The admission form. */
  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(CompanyPolicy).authorize('create')
    return view.render('pages/companies/create', { legalForms: LEGAL_FORMS, sectors: SECTORS })
  }

  /** Admits a candidate company and records who did it. */
  async store(ctx: HttpContext) {
    const { bouncer, request, response, session, i18n } = ctx
    await bouncer.with(CompanyPolicy).authorize('create')
    const data = await request.validateUsing(companyValidator, { meta: { companyId: null } })

    const company = await Company.admit(profileAttributes(data))

    session.flash('success', i18n.t('companies.created', { name: company.name }))
    return response.redirect().toRoute('companies.show', { id: company.id })
  }

  /** A company's page: profile, contact, lifecycle, accounts and history. */
  async show({ bouncer, params, view }: HttpContext) {
    await bouncer.with(CompanyPolicy).authorize('reach')
    const company = await Company.findOrFail(params.id)
    await bouncer.with(CompanyPolicy).authorize('view', company)
    const internals = await bouncer.with(CompanyPolicy).allows('viewInternals')

    await company.load('users', (query) => query.orderBy('full_name'))
    await company.load('agreements', (query) =>
      query.orderBy('starts_on', 'desc').preload('cells', (cells) => cells.orderBy('code'))
    )
    const mandates = (await bouncer.with(MandatePolicy).allows('viewFor', company))
      ? await Mandate.query().where('company_id', company.id).orderBy('id', 'desc')
      : []
    const history = internals
      ? await AuditEvent.historyOfCompany(
          company,
          company.agreements.map((agreement) => agreement.id),
          mandates.map((mandate) => mandate.id)
        )
      : []

    return view.render('pages/companies/show', {
      company,
      history,
      internals,
      exitReasons: EXIT_REASONS,
      mandate: mandates.find((mandate) => mandate.isActive) ?? null,
      formerMandates: mandates.filter((mandate) => !mandate.isActive),
    })
  }

  /** The profile form. */
  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(CompanyPolicy).authorize('edit')
    const company = await Company.findOrFail(params.id)
    return view.render('pages/companies/edit', {
      company,
      legalForms: LEGAL_FORMS,
      sectors: SECTORS,
    })
  }

  /** Saves the profile and records the values before and after. */
  async update(ctx: HttpContext) {
    const { bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(CompanyPolicy).authorize('edit')
    const company = await Company.findOrFail(params.id)
    const data = await request.validateUsing(companyValidator, { meta: { companyId: company.id } })

    await company.updateProfile(profileAttributes(data))

    session.flash('success', i18n.t('companies.updated', { name: company.name }))
    return response.redirect().toRoute('companies.show', { id: company.id })
  }
}
