import type { HttpContext } from '@adonisjs/core/http'
import Agreement from '#models/agreement'
import Company from '#models/company'
import Cell from '#models/cell'
import AuditEvent from '#models/audit_event'
import AgreementPolicy from '#policies/agreement_policy'
import { createAgreementValidator } from '#validators/agreement'
import { clampToPeriod, today } from '#domain/periods'
import incubator from '#config/incubator'
import Setting from '#models/setting'

/**
 * Occupancy agreements: managers draft them for a company and its cells, then sign them.
 */
export default class AgreementsController {
  /** The drafting form, prefilled with the incubator's defaults. */
  async create({ bouncer, request, view }: HttpContext) {
    await bouncer.with(AgreementPolicy).authorize('create')
    const [companies, cells] = await Promise.all([
      Company.query().whereNot('status', 'alumni').orderBy('name'),
      Cell.allocatable(),
    ])
    return view.render('pages/agreements/create', {
      companies,
      cells,
      defaults: {
        companyId: request.input('company_id'),
        cellIds: String(request.input('cell_ids', '')).split(',').filter(Boolean),
        startsOn: request.input('starts_on'),
        endsOn: request.input('ends_on'),
        noticeMonths: incubator.defaultNoticeMonths,
        maxStayMonths: await Setting.maxStayMonths(),
        rentSteps: incubator.defaultRentSteps,
      },
    })
  }

  /** Drafts the agreement, cells locked, every rule checked, and records it. */
  async store(ctx: HttpContext) {
    const { bouncer, request, response, session, i18n } = ctx
    await bouncer.with(AgreementPolicy).authorize('create')
    const { monthlyCharges, deposit, ...terms } =
      await request.validateUsing(createAgreementValidator)

    const agreement = await Agreement.open({
      ...terms,
      monthlyChargesCents: monthlyCharges,
      depositCents: deposit,
    })

    session.flash('success', i18n.t('agreements.created'))
    return response.redirect().toRoute('agreements.show', { id: agreement.id })
  }

  /** An agreement: its terms, cells, this month's rent, and its history. */
  async show({ bouncer, params, view }: HttpContext) {
    await bouncer.with(AgreementPolicy).authorize('reach')
    const agreement = await Agreement.query()
      .where('id', params.id)
      .preload('company')
      .preload('cells', (query) => query.orderBy('code'))
      .firstOrFail()
    await bouncer.with(AgreementPolicy).authorize('view', agreement)

    const month = clampToPeriod(today(), agreement.period)
    const rent = agreement.rentForMonth(month)
    const history = await AuditEvent.historyOf(agreement)
    return view.render('pages/agreements/show', { agreement, month, rent, history })
  }
}
