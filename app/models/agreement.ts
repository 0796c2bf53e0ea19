import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { Audited } from '#models/concerns/audited'
import AuditEvent from '#models/audit_event'
import DataRevision from '#models/data_revision'
import { AgreementSchema } from '#database/schema'
import { belongsTo, column, manyToMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, ManyToMany } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Company from '#models/company'
import Cell from '#models/cell'
import { DomainError } from '#exceptions/domain_error'
import { earliestEndAfterNotice, rentForMonth, stepsAreProgressive } from '#domain/rent'
import { overlaps, today, type Period } from '#domain/periods'
import Setting from '#models/setting'
import { HORIZONS, deadlinesFrom } from '#domain/deadlines'
import { lockedForUpdate } from '#helpers/locking'
import { assertWithinStay } from '#domain/stay_limit'

/** Refuses an end beyond the company's maximum stay (a setting), counted from its entry. */
async function assertWithinMaxStay(
  enteredOn: DateTime,
  endsOn: DateTime,
  trx: TransactionClientContract
) {
  assertWithinStay(endsOn, await Setting.stayLimitFor(enteredOn, trx))
}

/**
 * Narrows a query to the agreements that hold cells on at least one day of a period (from
 * its start, without end: on or after it): they start by its end and end (early, when
 * terminated) on or after its start. The one home of this predicate; "prefix" names the
 * agreements' table when it is joined.
 */
function whereHolding(
  query: { where: Function; whereRaw: Function; whereNot: Function },
  period: { startsOn: DateTime; endsOn?: DateTime },
  prefix = ''
) {
  const from = period.startsOn.toISODate()!
  // An agreement ends early, never late: "ends_on >= day" narrows the search on its index.
  query.where(`${prefix}ends_on`, '>=', from)
  query.whereRaw(`coalesce(${prefix}terminated_on, ${prefix}ends_on) >= ?`, [from])
  if (period.endsOn) query.where(`${prefix}starts_on`, '<=', period.endsOn.toISODate()!)
  // A discarded draft holds nothing: not on the plan, the deadlines, the rent roll or the checks.
  query.whereNot(`${prefix}status`, 'discarded')
}

/** Stored states; "upcoming" and "ended" are read from the dates. */
export const AGREEMENT_STATUSES = ['draft', 'active', 'terminated', 'discarded'] as const
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number]

/** What an agreement is on a given day. */
export type AgreementState =
  'draft' | 'upcoming' | 'active' | 'ending' | 'ended' | 'terminated' | 'discarded'

/** The terms of a new agreement, or of a draft revised, as a manager enters them. */
export type AgreementTerms = {
  companyId: number
  cellIds: number[]
  startsOn: DateTime
  endsOn: DateTime
  noticeMonths: number
  rentSteps: number[]
  monthlyChargesCents: number
  depositCents: number
  previousAgreementId?: number | null
}

/**
 * An occupancy agreement (convention d'occupation précaire): one company, one or
 * more cells, a period, progressive rent, charges, deposit and notice.
 * A cell never carries two agreements whose periods overlap.
 */
export default class Agreement extends compose(AgreementSchema, RevisesData, Audited) {
  @column()
  declare status: AgreementStatus

  /** Price per m² per month in cents for year 1, 2, 3 and after. */
  @column({
    prepare: (value: number[]) => JSON.stringify(value),
    consume: (value: string) => JSON.parse(value),
  })
  declare rentSteps: number[]

  @belongsTo(() => Company)
  declare company: BelongsTo<typeof Company>

  @manyToMany(() => Cell, { pivotTable: 'agreement_cells' })
  declare cells: ManyToMany<typeof Cell>

  /** The last day the agreement binds: its termination date, else its planned end. */
  get effectiveEndsOn() {
    return this.terminatedOn ?? this.endsOn
  }

  /** The days the agreement covers. */
  get period(): Period {
    return { startsOn: this.startsOn, endsOn: this.effectiveEndsOn }
  }

  /** The area of its cells (they must be loaded). */
  get areaSqm() {
    return this.cells.reduce((sum, cell) => sum + cell.areaSqm, 0)
  }

  /** The company's entry as this agreement counts it (Company#entryWith; company loaded). */
  get companyEnteredOn() {
    return this.company.entryWith(this.startsOn)
  }

  /** The rent due for the month containing a day, prorated (company and cells loaded). */
  rentForMonth(day: DateTime) {
    return rentForMonth(
      {
        ...this.period,
        areaSqm: this.areaSqm,
        steps: this.rentSteps,
        enteredOn: this.companyEnteredOn,
      },
      day
    )
  }

  /** Whether it has been signed (active, or terminated early): it binds its company. */
  get isSigned() {
    return this.status === 'active' || this.status === 'terminated'
  }

  /** Whether it may be discarded (never signed, kept in history): a draft. */
  get isDiscardable() {
    return this.status === 'draft'
  }

  /** Whether its terms may still change: a draft (once signed, it is renewed, moved or ended). */
  get isEditable() {
    return this.status === 'draft'
  }

  /** Whether it may be signed: a draft. */
  get isSignable() {
    return this.status === 'draft'
  }

  /**
   * Whether it is signed and still runs or is to come: active, its planned end not yet
   * passed (an agreement that simply ran out is over, whatever its stored status).
   */
  get isRunning() {
    return this.status === 'active' && today() <= this.endsOn
  }

  /** Whether its end may move later: a draft, or an agreement still running. */
  get isRenewable() {
    return this.status === 'draft' || this.isRunning
  }

  /** Whether it may end early, or move to other cells: an agreement still running. */
  get isTerminable() {
    return this.isRunning
  }

  /** Whether it holds its cells on at least one day of a period (whereHolding, in SQL). */
  holdsDuring(period: Period) {
    return overlaps(this.period, period)
  }

  /** Whether it is signed and its last day (its termination day, if terminated) falls in the period. */
  endsDuring(period: Period) {
    return (
      this.isSigned &&
      this.effectiveEndsOn >= period.startsOn &&
      this.effectiveEndsOn <= period.endsOn
    )
  }

  /**
   * What the agreement is on a day: draft, upcoming, active, ending (terminated early, its
   * last day still to come), ended or terminated. The one derivation every page shows.
   */
  stateOn(date: DateTime = today()): AgreementState {
    if (this.status === 'draft' || this.status === 'discarded') return this.status
    if (date < this.startsOn) return 'upcoming'
    if (date <= this.effectiveEndsOn) return this.status === 'terminated' ? 'ending' : 'active'
    return this.status === 'terminated' ? 'terminated' : 'ended'
  }

  /** Signs a draft: it becomes active, and the company enters the incubator with it. */
  async activate(trx?: TransactionClientContract) {
    await this.changeAs(
      'agreement.activated',
      async (agreement, client) => {
        if (!agreement.isSignable) throw new DomainError('agreements.errors.not_draft')
        agreement.status = 'active'
        const company = await Company.findOrFail(agreement.companyId, { client })
        await company.enter(agreement.startsOn, client)
      },
      trx
    )
  }

  /**
   * Changes a draft's terms (company, cells, period, rent, notice, charges, deposit) under
   * the drafting's rules (lockCellsForTerms, the draft's own holding left aside). Its row is
   * locked first and its state read under the lock, so that a signature at the same moment
   * comes either before (and the change is refused) or after (and signs the new terms).
   */
  async revise(terms: AgreementTerms, trx?: TransactionClientContract) {
    await this.changeAs(
      'agreement.revised',
      async (row, client) => {
        const draft: Agreement = row
        if (!draft.isEditable) throw new DomainError('agreements.errors.not_draft_edit')
        await Agreement.lockCellsForTerms(terms, client, draft.id)
        const { cellIds, previousAgreementId, ...attributes } = terms
        draft.merge(attributes)
        await draft.related('cells').sync(cellIds, true, client)
      },
      trx
    )
  }

  /**
   * Discards a draft that will never be signed: not deleted (its history stays), it no
   * longer holds its cells, nor shows on the plan, the deadlines or the rent roll.
   */
  async discard(trx?: TransactionClientContract) {
    await this.changeAs(
      'agreement.discarded',
      (agreement) => {
        if (!agreement.isDiscardable) throw new DomainError('agreements.errors.not_draft_discard')
        agreement.status = 'discarded'
      },
      trx
    )
  }

  /**
   * Ends an active agreement early. The day must fall within the agreement and
   * respect the notice period counted from the day notice was given, unless a
   * manager overrides it with a reason.
   */
  async terminate(
    termination: {
      terminatedOn: DateTime
      reason: string
      noticeGivenOn: DateTime
      overrideReason?: string | null
    },
    trx?: TransactionClientContract
  ) {
    await this.changeAs(
      'agreement.terminated',
      (agreement) => {
        if (!agreement.isTerminable) throw new DomainError('agreements.errors.not_active')
        const { terminatedOn, noticeGivenOn } = termination
        if (terminatedOn < agreement.startsOn || terminatedOn >= agreement.endsOn) {
          throw new DomainError('agreements.errors.termination_outside', 'terminatedOn', {
            start: agreement.startsOn,
            end: agreement.endsOn.minus({ days: 1 }),
          })
        }
        const earliest = earliestEndAfterNotice(noticeGivenOn, agreement.noticeMonths)
        if (terminatedOn < earliest && !termination.overrideReason) {
          throw new DomainError('agreements.errors.notice_not_respected', 'terminatedOn', {
            months: agreement.noticeMonths,
            earliest,
          })
        }
        agreement.status = 'terminated'
        agreement.terminatedOn = terminatedOn
        agreement.terminationReason = termination.reason
        agreement.noticeOverrideReason =
          terminatedOn < earliest ? termination.overrideReason! : null
      },
      trx
    )
  }

  /**
   * Extends the planned end, within the maximum stay counted from the company's entry,
   * with the cells locked and free over the extension.
   */
  async renew(newEndsOn: DateTime, trx?: TransactionClientContract) {
    await this.changeAs(
      'agreement.renewed',
      async (agreement, client) => {
        if (!agreement.isRenewable) throw new DomainError('agreements.errors.not_renewable')
        if (newEndsOn <= agreement.endsOn) {
          throw new DomainError('agreements.errors.renewal_not_later', 'endsOn', {
            end: agreement.endsOn,
          })
        }
        const company = await Company.findOrFail(agreement.companyId, { client })
        await assertWithinMaxStay(company.entryWith(agreement.startsOn), newEndsOn, client)
        const cellIds = await agreement.cellIds(client)
        await Agreement.lockCells(cellIds, client)
        await Agreement.assertCellsFree(
          cellIds,
          { startsOn: agreement.endsOn.plus({ days: 1 }), endsOn: newEndsOn },
          client,
          agreement.id
        )
        agreement.endsOn = newEndsOn
      },
      trx
    )
  }

  /**
   * Moves the company to other cells from a day: this agreement ends the day before,
   * a new one on the new cells takes over the same terms until the same end, so there
   * is neither gap nor overlap. Returns the new agreement.
   */
  async moveTo(
    move: { movesOn: DateTime; cellIds: number[]; reason: string },
    trx?: TransactionClientContract
  ) {
    return this.changeAs(
      'agreement.moved',
      async (agreement, client) => {
        if (!agreement.isTerminable) throw new DomainError('agreements.errors.not_active')
        if (move.movesOn <= agreement.startsOn || move.movesOn > agreement.effectiveEndsOn) {
          throw new DomainError('agreements.errors.move_outside', 'movesOn', {
            start: agreement.startsOn.plus({ days: 1 }),
            end: agreement.effectiveEndsOn,
          })
        }
        const current = await agreement.cellIds(client)
        await Agreement.lockCells([...new Set([...current, ...move.cellIds])], client)

        agreement.status = 'terminated'
        agreement.terminatedOn = move.movesOn.minus({ days: 1 })
        agreement.terminationReason = move.reason
        await agreement.save()

        return Agreement.open(
          {
            companyId: agreement.companyId,
            cellIds: move.cellIds,
            startsOn: move.movesOn,
            endsOn: agreement.endsOn,
            noticeMonths: agreement.noticeMonths,
            rentSteps: agreement.rentSteps,
            monthlyChargesCents: agreement.monthlyChargesCents,
            depositCents: agreement.depositCents,
            previousAgreementId: agreement.id,
            status: 'active',
          },
          client
        )
      },
      trx
    )
  }

  /** The values recorded before and after a change: its terms with its cells' codes. */
  async auditedValues(client: TransactionClientContract) {
    const rows = await client
      .from('agreement_cells')
      .join('cells', 'cells.id', 'agreement_cells.cell_id')
      .where('agreement_cells.agreement_id', this.id)
      .orderBy('cells.code')
      .select('cells.code')
    return this.auditAttributes(rows.map((row) => row.code))
  }

  /** The ids of its cells, as stored. */
  async cellIds(client: TransactionClientContract) {
    const rows = await client
      .from('agreement_cells')
      .where('agreement_id', this.id)
      .select('cell_id')
    return rows.map((row) => Number(row.cell_id))
  }

  /**
   * Opens an agreement (a draft, unless it takes over from another) after checking every
   * rule, with the cells locked so that two requests, even on two app servers, can never
   * both take a cell; and records it.
   */
  static async open(
    terms: AgreementTerms & { status?: AgreementStatus },
    trx?: TransactionClientContract
  ) {
    return DataRevision.within(trx, async (client) => {
      const cells = await this.lockCellsForTerms(terms, client)

      const { cellIds, status = 'draft', ...attributes } = terms
      const agreement = await this.create({ ...attributes, status }, { client })
      await agreement.related('cells').attach(cellIds, client)
      agreement.$setRelated('cells', cells)
      await AuditEvent.record(
        'agreement.created',
        agreement,
        { after: agreement.auditAttributes(agreement.cells.map((cell) => cell.code)) },
        client
      )
      return agreement
    })
  }

  /**
   * The drafting's rules, one home for a new agreement's terms and a draft's revised ones:
   * the cells locked (lockCells) and in service, free over the period (but for the draft
   * revised), the dates in order, the rent steps progressive, a company that may take
   * agreements, within its maximum stay. Gives the cells, by code.
   */
  static async lockCellsForTerms(
    terms: AgreementTerms,
    client: TransactionClientContract,
    exceptAgreementId?: number
  ) {
    const cells = await this.lockCells(terms.cellIds, client)
    const company = await Company.findOrFail(terms.companyId, { client })

    if (terms.endsOn < terms.startsOn) {
      throw new DomainError('agreements.errors.end_before_start', 'endsOn')
    }
    if (!stepsAreProgressive(terms.rentSteps)) {
      throw new DomainError('agreements.errors.steps_out_of_order', 'rentSteps')
    }
    if (!company.mayTakeAgreements) {
      throw new DomainError('agreements.errors.company_alumni', 'companyId')
    }
    const closed = cells.filter((cell) => cell.isOutOfService)
    if (closed.length) {
      throw new DomainError('agreements.errors.cell_out_of_service', 'cellIds', {
        cells: closed.map((cell) => cell.code).join(', '),
      })
    }
    await assertWithinMaxStay(company.entryWith(terms.startsOn), terms.endsOn, client)
    await this.assertCellsFree(terms.cellIds, terms, client, exceptAgreementId)
    return [...cells].sort((a, b) => a.code.localeCompare(b.code))
  }

  /**
   * Locks the cells' rows until the transaction ends (MySQL: SELECT … FOR UPDATE, in
   * id order so that concurrent requests queue instead of deadlocking; SQLite: one
   * writer at a time). Unknown cells are refused.
   */
  static async lockCells(cellIds: number[], trx: TransactionClientContract) {
    const cells = await lockedForUpdate(
      Cell.query({ client: trx }).whereIn('id', cellIds).orderBy('id')
    )
    if (cells.length !== new Set(cellIds).size) {
      throw new DomainError('agreements.errors.unknown_cell', 'cellIds')
    }
    return cells
  }

  /** Refuses a period that overlaps another agreement on one of the cells. */
  static async assertCellsFree(
    cellIds: number[],
    period: Period,
    trx: TransactionClientContract,
    exceptAgreementId?: number
  ) {
    const clashes = await trx
      .from('agreement_cells')
      .join('agreements', 'agreements.id', 'agreement_cells.agreement_id')
      .join('cells', 'cells.id', 'agreement_cells.cell_id')
      .whereIn('agreement_cells.cell_id', cellIds)
      .where((query) => whereHolding(query, period, 'agreements.'))
      .if(exceptAgreementId, (query) => query.whereNot('agreements.id', exceptAgreementId!))
      .distinct('cells.code')
      .orderBy('cells.code')
    if (clashes.length) {
      throw new DomainError('agreements.errors.overlap', 'cellIds', {
        cells: clashes.map((row) => row.code).join(', '),
      })
    }
  }

  /**
   * Agreements holding a cell of a building: found from the building's cells (an index on
   * cells.building_id, then agreement_cells), not by checking every agreement ever made.
   */
  static inBuilding = scope((query, buildingId: number) => {
    query.whereIn('id', (cells) =>
      cells
        .from('agreement_cells')
        .join('cells', 'cells.id', 'agreement_cells.cell_id')
        .where('cells.building_id', buildingId)
        .select('agreement_cells.agreement_id')
    )
  })

  /**
   * Agreements that still hold cells on or after a day (run it through
   * withCompanyAndCells to get their company and cells).
   */
  static holdingOnOrAfter(day: DateTime) {
    return this.query().where((query) => whereHolding(query, { startsOn: day }))
  }

  /** Agreements that hold cells on at least one day of a period. */
  static holdingDuring(period: Period) {
    return this.query().where((query) => whereHolding(query, period))
  }

  /**
   * Which cell each agreement holding cells during a period holds, as plain rows (cell id,
   * start, end, termination): the dashboard counts occupied cells month after month and
   * needs no agreement models.
   */
  static cellHoldingsDuring(period: Period) {
    return db
      .from('agreements')
      .join('agreement_cells', 'agreement_cells.agreement_id', 'agreements.id')
      .where((query) => whereHolding(query, period, 'agreements.'))
      .select(
        'agreement_cells.cell_id',
        'agreements.starts_on',
        'agreements.ends_on',
        'agreements.terminated_on'
      )
  }

  /**
   * What managers must see coming as of a day (app/domain/deadlines.ts), for the network or
   * one building: the agreements running around it, the hosted companies and the maximum
   * stay, read in a fixed number of queries whatever the data size.
   */
  static async deadlinesOn(day: DateTime, buildingId?: number) {
    const horizon = day.plus({ days: HORIZONS.endingAgreementsDays })
    const [running, hosted, maxStayMonths] = await Promise.all([
      Agreement.withCompanyAndCells(
        Agreement.query()
          .if(buildingId !== undefined, (query) =>
            query.withScopes((scopes) => scopes.inBuilding(buildingId!))
          )
          .where((query) => whereHolding(query, { startsOn: day, endsOn: horizon }))
          .orderBy('ends_on')
      ),
      Company.query()
        .where('status', 'hosted')
        .whereNotNull('entered_on')
        .if(buildingId !== undefined, (query) =>
          query.whereHas('agreements', (agreements) =>
            agreements
              .where('ends_on', '>=', day.toISODate()!)
              .whereIn('status', ['active', 'draft'])
              .withScopes((scopes) => scopes.inBuilding(buildingId!))
          )
        ),
      // One read of the setting for the whole list (not one per company).
      Setting.maxStayMonths(),
    ])
    return deadlinesFrom(day, { running, hosted, maxStayMonths })
  }

  /** One agreement with its company, for its forms. */
  static withCompany(id: number) {
    return this.query().where('id', id).preload('company').firstOrFail()
  }

  /**
   * Agreements with their company and their cells (by code), in two more queries matched
   * through maps: Lucid's preload compares every agreement with every related row, which
   * the benchmark measured at two seconds for the 2,500 agreements of a network's rent roll.
   */
  static async withCompanyAndCells(found: PromiseLike<Agreement[]> | Agreement[]) {
    const agreements = await found
    if (!agreements.length) return agreements
    const [cells, companies] = await Promise.all([
      Cell.query()
        .join('agreement_cells', 'agreement_cells.cell_id', 'cells.id')
        .whereIn(
          'agreement_cells.agreement_id',
          agreements.map((agreement) => agreement.id)
        )
        .select('cells.*', 'agreement_cells.agreement_id as held_by')
        .orderBy('cells.code'),
      Company.query().whereIn('id', [
        ...new Set(agreements.map((agreement) => agreement.companyId)),
      ]),
    ])
    const cellsByAgreement = new Map<number, Cell[]>()
    for (const cell of cells) {
      const holder = Number(cell.$extras.held_by)
      const list = cellsByAgreement.get(holder)
      if (list) list.push(cell)
      else cellsByAgreement.set(holder, [cell])
    }
    const companiesById = new Map(companies.map((company) => [company.id, company]))
    for (const agreement of agreements) {
      agreement.$setRelated('cells', cellsByAgreement.get(agreement.id) ?? [])
      agreement.$setRelated('company', companiesById.get(agreement.companyId)!)
    }
    return agreements
  }

  /** The values worth recording in the audit trail. */
  auditAttributes(cellCodes?: string[]) {
    return {
      companyId: this.companyId,
      status: this.status,
      startsOn: this.startsOn.toISODate(),
      endsOn: this.endsOn.toISODate(),
      terminatedOn: this.terminatedOn?.toISODate() ?? null,
      terminationReason: this.terminationReason,
      noticeMonths: this.noticeMonths,
      rentSteps: this.rentSteps.join(' / '),
      monthlyChargesCents: this.monthlyChargesCents,
      depositCents: this.depositCents,
      ...(cellCodes ? { cells: cellCodes.join(', ') } : {}),
    }
  }
}
