import type { HttpContext } from '@adonisjs/core/http'
import Company, { COMPANY_STATUSES, EXIT_REASONS, LEGAL_FORMS, SECTORS } from '#models/company'
import AuditEvent from '#models/audit_event'
import DataRevision from '#models/data_revision'
import CompanyPolicy from '#policies/company_policy'
import { companyFiltersValidator, companyValidator } from '#validators/company'
import { sirenOf } from '#domain/siret'
import type { Infer } from '@vinejs/vine/types'

const SORTS = {
  name: ['name', 'asc'],
  status: ['status', 'asc'],
  created: ['created_at', 'desc'],
} as const

/**
 * Escapes LIKE wildcards typed by the user (with "!", an escape character both MySQL and
 * SQLite accept in an ESCAPE clause). Plain LIKE (not knex's whereLike, which forces
 * a binary collation on MySQL) keeps the search case-insensitive on MySQL and SQLite.
 */
function escapeLike(text: string) {
  return text.replace(/[!%_]/g, (char) => `!${char}`)
}

/**
 * The profile as stored: the SIREN derived from the SIRET, and cleared fields saved as null.
 */
function profileAttributes(data: Infer<typeof companyValidator>) {
  return {
    name: data.name,
    siret: data.siret ?? null,
    siren: data.siret ? sirenOf(data.siret) : null,
    legalForm: data.legalForm ?? null,
    nafCode: data.nafCode ?? null,
    sector: data.sector,
    digital: data.digital ?? false,
    foundedOn: data.foundedOn ?? null,
    contactName: data.contactName ?? null,
    email: data.email ?? null,
    phone: data.phone ?? null,
    website: data.website ?? null,
    notes: data.notes ?? null,
    bookingQuotaMinutes:
      data.bookingQuotaHours === undefined ? null : Math.round(data.bookingQuotaHours * 60),
  }
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

    const companies = await Company.query()
      .if(
        filters.archived === 'yes',
        (query) => query.whereNotNull('archived_at'),
        (query) => query.whereNull('archived_at')
      )
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

    const company = await DataRevision.transaction(async (trx) => {
      const created = await Company.create(
        { ...profileAttributes(data), status: 'candidate' },
        { client: trx }
      )
      await AuditEvent.record(
        ctx,
        'company.created',
        created,
        { after: created.auditAttributes() },
        trx
      )
      return created
    })

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
    const history = internals
      ? await AuditEvent.historyOfCompany(
          company,
          company.agreements.map((agreement) => agreement.id)
        )
      : []

    return view.render('pages/companies/show', {
      company,
      history,
      internals,
      exitReasons: EXIT_REASONS,
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

    await DataRevision.transaction(async (trx) => {
      await AuditEvent.change(ctx, 'company.updated', company, trx, () => {
        company.merge(profileAttributes(data))
      })
    })

    session.flash('success', i18n.t('companies.updated', { name: company.name }))
    return response.redirect().toRoute('companies.show', { id: company.id })
  }
}
