import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { Audited } from '#models/concerns/audited'
import DataRevision from '#models/data_revision'
import { isDuplicate } from '#helpers/database_errors'
import { DeclarationSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Company from '#models/company'
import User from '#models/user'
import { DomainError } from '#exceptions/domain_error'
import { jobsIn } from '#domain/jobs'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import DeclarationReminder from '#models/declaration_reminder'
import { columnDay } from '#helpers/sql_dates'
import {
  groupBy,
  missingPeriods,
  periodKey,
  type CompanyMissingDeclarations,
} from '#domain/missing_declarations'
import { declarationsDue, type DeclarationKind } from '#domain/declaration_periods'
import { today } from '#domain/periods'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { sortByName } from '#helpers/collation'

/** What a person declares: persons by category, optionally FTE and still trading. */
export type DeclarationValues = {
  executives: number
  permanent: number
  fixedTerm: number
  apprentices: number
  interns?: number
  fte?: number
  stillTrading?: boolean
  comment?: string
}

/**
 * A company's headcount on a date, by category: declared by its tenants (or a manager
 * on its behalf), counted once a manager has validated it. One per company and period.
 */
export default class Declaration extends compose(DeclarationSchema, RevisesData, Audited) {
  @column()
  declare kind: DeclarationKind

  @column()
  declare status: 'submitted' | 'validated'

  /** SQLite and MySQL return DECIMAL and BOOLEAN columns in their own ways. */
  @column({ consume: (value) => (value === null ? null : Number(value)) })
  declare fte: number | null

  @column({ consume: (value) => (value === null ? null : Boolean(value)) })
  declare stillTrading: boolean | null

  @belongsTo(() => Company)
  declare company: BelongsTo<typeof Company>

  @belongsTo(() => User, { foreignKey: 'declaredById' })
  declare declaredBy: BelongsTo<typeof User>

  /** Jobs = executives + CDI + CDD + apprentices (interns never count). */
  get jobs() {
    return jobsIn(this)
  }

  /** Whether a manager has validated it: only validated declarations count. */
  get isValidated() {
    return this.status === 'validated'
  }

  /** A tenant may correct its declaration until a manager validates it. */
  assertEditableBy(user: User) {
    if (!this.isEditableBy(user)) throw new DomainError('declarations.errors.validated')
  }

  /** Whether a person may still change its headcount: managers always, tenants until validated. */
  isEditableBy(user: User) {
    return user.isManager || !this.isValidated
  }

  /** A manager validates the declaration: from now on it counts. Validated once. */
  async validate(manager: User, trx?: TransactionClientContract) {
    await this.changeAs(
      'declaration.validated',
      (declaration) => {
        if (declaration.isValidated) throw new DomainError('declarations.errors.already_validated')
        declaration.#validatedBy(manager)
      },
      trx
    )
  }

  /**
   * Changes the headcount: the company's tenants until a manager validates it, managers at
   * any time with a reason (a correction), noted in its comment; the former values stay in
   * the history.
   */
  async update(
    values: DeclarationValues,
    editor: User,
    correction: { reason: string | undefined; note: string } | null,
    trx?: TransactionClientContract
  ) {
    if (editor.isManager && !correction?.reason) {
      throw new DomainError('declarations.errors.reason_required', 'reason')
    }
    await this.changeAs(
      editor.isManager ? 'declaration.corrected' : 'declaration.updated',
      (declaration) => {
        declaration.assertEditableBy(editor)
        declaration.#setHeadcount(values)
        if (editor.isManager && correction) {
          declaration.comment = [declaration.comment, correction.note].filter(Boolean).join('\n')
        }
      },
      trx
    )
  }

  #validatedBy(manager: User) {
    this.status = 'validated'
    this.validatedById = manager.id
    this.validatedAt = DateTime.utc()
  }

  /**
   * Records a company's declaration for one of its periods due. Refuses a period not
   * due (before entry, in the future, outside the stay), a second declaration for the
   * same period, and an FTE above the headcount. A manager's declaration counts at once.
   */
  static async declare(
    company: Company,
    values: DeclarationValues & { kind: DeclarationKind; periodOn: DateTime },
    author: User,
    trx?: TransactionClientContract
  ) {
    return DataRevision.within(trx, (client) => this.#declare(company, values, author, client))
  }

  static async #declare(
    company: Company,
    values: DeclarationValues & { kind: DeclarationKind; periodOn: DateTime },
    author: User,
    trx: TransactionClientContract
  ) {
    const due = declarationsDue(company, today())
    if (
      !due.some(
        (period) =>
          period.kind === values.kind && period.periodOn.toISODate() === values.periodOn.toISODate()
      )
    ) {
      throw new DomainError('declarations.errors.not_due', 'periodOn')
    }
    const existing = await this.query({ client: trx })
      .where('company_id', company.id)
      .where('kind', values.kind)
      .where('period_on', values.periodOn.toISODate()!)
      .first()
    if (existing) {
      throw new DomainError('declarations.errors.duplicate', 'periodOn')
    }
    const declaration = new this()
    declaration.merge({ companyId: company.id, kind: values.kind, periodOn: values.periodOn })
    declaration.#setHeadcount(values)
    declaration.declaredById = author.id
    declaration.status = 'submitted'
    if (author.isManager) declaration.#validatedBy(author)
    declaration.useTransaction(trx)
    try {
      await declaration.save()
    } catch (error) {
      // Two requests at once for the same period: the unique key keeps one.
      if (isDuplicate(error)) {
        throw new DomainError('declarations.errors.duplicate', 'periodOn')
      }
      throw error
    }
    await declaration.recordCreation('declaration.created', trx)
    return declaration
  }

  /** Replaces the headcount (a correction keeps the former values in the history). */
  #setHeadcount(values: DeclarationValues) {
    const headcount = jobsIn(values)
    if (values.fte !== undefined && values.fte !== null && values.fte > headcount) {
      throw new DomainError('declarations.errors.fte_above_headcount', 'fte', { headcount })
    }
    this.executives = values.executives
    this.permanent = values.permanent
    this.fixedTerm = values.fixedTerm
    this.apprentices = values.apprentices
    this.interns = values.interns ?? 0
    this.fte = values.fte ?? null
    this.stillTrading = values.stillTrading ?? null
    this.comment = values.comment ?? null
  }

  /** The values worth recording in the audit trail (former values of corrections). */
  auditAttributes() {
    return {
      kind: this.kind,
      periodOn: this.periodOn.toISODate(),
      executives: this.executives,
      permanent: this.permanent,
      fixedTerm: this.fixedTerm,
      apprentices: this.apprentices,
      interns: this.interns,
      fte: this.fte,
      stillTrading: this.stillTrading,
      status: this.status,
      comment: this.comment,
    }
  }

  /** How many declarations await a manager's validation (the home page's next action). */
  static async awaitingValidationCount() {
    const [row] = await db.from('declarations').where('status', 'submitted').count('* as total')
    return Number(row.total)
  }

  /**
   * Every company with declarations due and missing on a day (entered by then, not
   * archived), by name, each missing period with the reminder sent for it. A declaration
   * awaiting validation is not missing. Three queries, whatever the number of companies:
   * the managers' list and the daily reminder both read it from here.
   */
  static async missingOn(
    day: DateTime,
    client?: QueryClientContract
  ): Promise<CompanyMissingDeclarations[]> {
    const companies = sortByName(
      await Company.query({ client })
        .whereNotNull('entered_on')
        .where('entered_on', '<=', day.toISODate()!)
        .whereNull('archived_at')
        .orderBy('id'),
      (company) => company.name
    )
    if (!companies.length) return []
    const ids = companies.map((company) => company.id)

    // Plain rows (a network's ten thousand declarations as models cost tens of megabytes).
    const [declarations, reminders] = await Promise.all([
      (client ?? db.connection())
        .from('declarations')
        .select('company_id', 'kind', 'period_on')
        .whereIn('company_id', ids),
      DeclarationReminder.query({ client }).whereIn('company_id', ids),
    ])

    const declarationsOf = new Map<number, { kind: string; periodOn: string }[]>()
    for (const row of declarations as {
      company_id: number
      kind: string
      period_on: Date | string
    }[]) {
      const entry = { kind: row.kind, periodOn: columnDay(row.period_on) }
      const list = declarationsOf.get(Number(row.company_id))
      if (list) list.push(entry)
      else declarationsOf.set(Number(row.company_id), [entry])
    }
    const remindersOf = groupBy(reminders, (reminder) => reminder.companyId)

    return companies
      .map((company) => {
        const sent = new Map((remindersOf.get(company.id) ?? []).map((r) => [periodKey(r), r]))
        const missing = missingPeriods(company, declarationsOf.get(company.id) ?? [], day).map(
          (period) => ({ ...period, reminder: sent.get(periodKey(period)) ?? null })
        )
        return { company, missing }
      })
      .filter(({ missing }) => missing.length > 0)
  }
}
