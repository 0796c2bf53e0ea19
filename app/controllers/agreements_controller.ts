import type { HttpContext } from '@adonisjs/core/http'
import Agreement from '#models/agreement'
import Company from '#models/company'
import Cell from '#models/cell'
import AuditEvent from '#models/audit_event'
import AgreementPolicy from '#policies/agreement_policy'
import { createAgreementValidator } from '#validators/agreement'
import { clampToPeriod, parseDay, today } from '#domain/periods'
import { cellAvailability } from '#domain/free_cells'
import incubator from '#config/incubator'
import Setting from '#models/setting'

/**
 * Occupancy agreements: managers draft them for a company and its cells, then sign them.
 */
export default class AgreementsController {
  /**
   * The drafting form, prefilled with the incubator's defaults and what the address gives
   * (from the plan, the deadlines or the free cells finder); with a period, each cell says
   * whether it is free all along it, the free ones first.
   */
  async create({ bouncer, request, view }: HttpContext) {
    await bouncer.with(AgreementPolicy).authorize('create')
    const startsOn = parseDay(request.input('starts_on'))
    const endsOn = parseDay(request.input('ends_on'))
    const period = startsOn && endsOn && endsOn >= startsOn ? { startsOn, endsOn } : null
    const [companies, cells, holding] = await Promise.all([
      Company.choices(),
      Cell.allocatable(),
      period ? Agreement.withCompanyAndCells(Agreement.holdingDuring(period)) : [],
    ])
    return view.render('pages/agreements/create', {
      companies,
      period,
      cells: period
        ? cellAvailability(cells, holding, period)
        : cells.map((cell) => ({ cell, free: null, holders: [] })),
      defaults: {
        companyId: request.input('company_id'),
        cellIds: String(request.input('cell_ids', '')).split(',').filter(Boolean),
        startsOn: startsOn?.toISODate() ?? '',
        endsOn: endsOn?.toISODate() ?? '',
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
    // A discarded draft owes nothing, ever.
    const rent = agreement.status === 'discarded' ? null : agreement.rentForMonth(month)
    const history = await AuditEvent.historyOf(agreement)
    return view.render('pages/agreements/show', { agreement, month, rent, history })
  }
}
