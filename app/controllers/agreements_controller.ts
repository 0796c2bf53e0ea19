import type { HttpContext } from '@adonisjs/core/http'
import Agreement from '#models/agreement'
import Company from '#models/company'
import Cell from '#models/cell'
import AuditEvent from '#models/audit_event'
import AgreementPolicy from '#policies/agreement_policy'
import { agreementValidator } from '#validators/agreement'
import { clampToPeriod, parseDay, today } from '#domain/periods'
import { cellAvailability } from '#domain/free_cells'
import { formatNumber } from '#helpers/formatting'
import { pathWithoutToken, typedList, typedValue } from '#helpers/form_input'
import incubator from '#config/incubator'
import Setting from '#models/setting'

/** What the agreement form shows in its fields, as text (what a person types). */
type FormValues = {
  companyId: string
  cellIds: string[]
  startsOn: string
  endsOn: string
  noticeMonths: string
  rentSteps: string[]
  monthlyCharges: string
  deposit: string
}

/** Cents as a person types euros in the form ("1 234,5"). */
const typedEuros = (cents: number) => formatNumber(cents / 100, 'fr')

/**
 * The form's values: what was typed, when the form came back through its address (its
 * check of the cells sends every field), else what a link gives (the plan, the deadlines,
 * the free cells finder: company_id, cell_ids, starts_on, ends_on), else the terms given.
 */
function typedTerms(query: Record<string, unknown>, terms: FormValues): FormValues {
  const cellIds = typedList(query.cellIds) ?? typedValue(query.cell_ids)?.split(',')
  return {
    companyId: typedValue(query.companyId) ?? typedValue(query.company_id) ?? terms.companyId,
    cellIds: cellIds?.filter(Boolean) ?? terms.cellIds,
    startsOn: typedValue(query.startsOn) ?? typedValue(query.starts_on) ?? terms.startsOn,
    endsOn: typedValue(query.endsOn) ?? typedValue(query.ends_on) ?? terms.endsOn,
    noticeMonths: typedValue(query.noticeMonths) ?? terms.noticeMonths,
    rentSteps: typedList(query.rentSteps) ?? terms.rentSteps,
    monthlyCharges: typedValue(query.monthlyCharges) ?? terms.monthlyCharges,
    deposit: typedValue(query.deposit) ?? terms.deposit,
  }
}

/**
 * Occupancy agreements: managers draft them for a company and its cells, edit the draft,
 * then sign it.
 */
export default class AgreementsController {
  /**
   * The drafting form, prefilled with the incubator's defaults and what the address gives
   * (from the plan, the deadlines, the free cells finder, or the form's own check of the
   * cells); with a period, each cell says whether it is free all along it, the free ones first.
   */
  async create({ bouncer, request, response, view }: HttpContext) {
    await bouncer.with(AgreementPolicy).authorize('create')
    const clean = pathWithoutToken(request.parsedUrl.pathname, request.parsedUrl.query)
    if (clean) return response.redirect().toPath(clean)

    const values = typedTerms(request.qs(), {
      companyId: '',
      cellIds: [],
      startsOn: '',
      endsOn: '',
      noticeMonths: String(incubator.defaultNoticeMonths),
      rentSteps: incubator.defaultRentSteps.map(typedEuros),
      monthlyCharges: '0',
      deposit: '0',
    })
    return view.render('pages/agreements/create', {
      ...(await this.formPage(values, Company.choices())),
    })
  }

  /** Drafts the agreement, cells locked, every rule checked, and records it. */
  async store(ctx: HttpContext) {
    const { bouncer, request, response, session, i18n } = ctx
    await bouncer.with(AgreementPolicy).authorize('create')
    const { monthlyCharges, deposit, ...terms } = await request.validateUsing(agreementValidator)

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

  /**
   * A draft's form, with its terms (or what was typed, after a check of the cells), each
   * cell free or not over the period, the draft itself left aside. A signed, terminated or
   * discarded agreement is no longer edited: back to its page, which says so.
   */
  async edit({ bouncer, params, request, response, session, i18n, view }: HttpContext) {
    await bouncer.with(AgreementPolicy).authorize('manage')
    const agreement = await Agreement.query()
      .where('id', params.id)
      .preload('company')
      .preload('cells', (query) => query.orderBy('code'))
      .firstOrFail()
    if (!agreement.isEditable) {
      session.flash('error', i18n.t('agreements.errors.not_draft_edit'))
      return response.redirect().toRoute('agreements.show', { id: agreement.id })
    }
    const clean = pathWithoutToken(request.parsedUrl.pathname, request.parsedUrl.query)
    if (clean) return response.redirect().toPath(clean)

    // Three steps at least, as the form asks: a shorter list goes on at its last price.
    const steps = agreement.rentSteps.map(typedEuros)
    while (steps.length < 3) steps.push(steps[steps.length - 1])
    const values = typedTerms(request.qs(), {
      companyId: String(agreement.companyId),
      cellIds: agreement.cells.map((cell) => String(cell.id)),
      startsOn: agreement.startsOn.toISODate()!,
      endsOn: agreement.endsOn.toISODate()!,
      noticeMonths: String(agreement.noticeMonths),
      rentSteps: steps,
      monthlyCharges: typedEuros(agreement.monthlyChargesCents),
      deposit: typedEuros(agreement.depositCents),
    })
    return view.render('pages/agreements/edit', {
      agreement,
      ...(await this.formPage(
        values,
        Company.choices({ current: agreement.companyId }),
        agreement.id
      )),
    })
  }

  /** Changes the draft's terms under the drafting's rules, and records before and after. */
  async update(ctx: HttpContext) {
    const { bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(AgreementPolicy).authorize('manage')
    const agreement = await Agreement.findOrFail(params.id)
    const { monthlyCharges, deposit, ...terms } = await request.validateUsing(agreementValidator)

    await agreement.revise({ ...terms, monthlyChargesCents: monthlyCharges, depositCents: deposit })

    session.flash('success', i18n.t('agreements.revised'))
    return response.redirect().toRoute('agreements.show', { id: agreement.id })
  }

  /**
   * What the drafting and editing forms show: the companies to choose from, the cells in
   * service and, with a period, whether each is free all along it (but for the draft edited).
   */
  private async formPage(
    values: FormValues,
    companies: ReturnType<typeof Company.choices>,
    exceptAgreementId?: number
  ) {
    const startsOn = parseDay(values.startsOn)
    const endsOn = parseDay(values.endsOn)
    const period = startsOn && endsOn && endsOn >= startsOn ? { startsOn, endsOn } : null
    const [choices, cells, holding, maxStayMonths] = await Promise.all([
      companies,
      Cell.allocatable(),
      period
        ? Agreement.withCompanyAndCells(
            Agreement.holdingDuring(period).if(exceptAgreementId, (query) =>
              query.whereNot('id', exceptAgreementId!)
            )
          )
        : [],
      Setting.maxStayMonths(),
    ])
    return {
      companies: choices,
      period,
      cells: period
        ? cellAvailability(cells, holding, period)
        : cells.map((cell) => ({ cell, free: null, holders: [] })),
      values,
      maxStayMonths,
    }
  }
}
