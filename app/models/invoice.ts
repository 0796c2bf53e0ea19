import type { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { beforeDelete, beforeUpdate, belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { InvoiceSchema } from '#database/schema'
import { RevisesData } from '#models/concerns/revises_data'
import { Audited } from '#models/concerns/audited'
import { minutesBookedByCompanyInMonth } from '#models/concerns/has_booking_quota'
import AuditEvent, { currentActor, type Actor } from '#models/audit_event'
import DataRevision from '#models/data_revision'
import Agreement from '#models/agreement'
import Company, { addressLines } from '#models/company'
import Setting from '#models/setting'
import Operator from '#models/operator'
import InvoiceLine, { PREPARED_KINDS, type LineTerms } from '#models/invoice_line'
import InvoiceSequence, { type InvoiceSeries } from '#models/invoice_sequence'
import { DomainError } from '#exceptions/domain_error'
import { lockedForUpdate } from '#helpers/locking'
import { sortByName } from '#helpers/collation'
import { isDuplicate } from '#helpers/database_errors'
import { monthOf, today, type Period } from '#domain/periods'
import { rentRollFor, type RentRollLine } from '#domain/rent_roll'
import { invoiceTotals } from '#domain/invoice_totals'
import type { InvoiceDocument } from '#domain/invoice_document'
import { minutesBeyondQuota, preparedLines, roomHoursMonth } from '#domain/billing_run'

/** An invoice, or a credit note (avoir) that cancels all or part of one, citing it. */
export const INVOICE_KINDS = ['invoice', 'credit_note'] as const
export type InvoiceKind = (typeof INVOICE_KINDS)[number]

/** A draft is not a document yet (no number, its lines editable); an issued one never changes. */
export const INVOICE_STATUSES = ['draft', 'issued'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

/** What the month's run did, company by company. */
export type RunReport = {
  prepared: Invoice[]
  /** Companies whose invoice of the month is issued already: left as it is. */
  skipped: Company[]
  /** Companies whose draft could not be prepared: theirs left as it was. */
  failed: { company: Company; error: unknown }[]
}

/**
 * An invoice or a credit note of a company for a period. A draft is prepared by the month's
 * run (Invoice.prepareMonth) or made from an issued invoice (a credit note), its lines
 * reviewed and edited; issuing it gives it the next number of its series and year under the
 * series' row lock, the day's date, its due date, the buyer as it is that day and its
 * totals: from then on it never changes (the model refuses), and only a credit note corrects it.
 */
export default class Invoice extends compose(InvoiceSchema, RevisesData, Audited) {
  @column()
  declare kind: InvoiceKind

  @column()
  declare status: InvoiceStatus

  @belongsTo(() => Company)
  declare company: BelongsTo<typeof Company>

  @belongsTo(() => Invoice, { foreignKey: 'creditedInvoiceId' })
  declare creditedInvoice: BelongsTo<typeof Invoice>

  @hasMany(() => InvoiceLine)
  declare lines: HasMany<typeof InvoiceLine>

  /** An issued invoice never changes: any write of one is refused. */
  @beforeUpdate()
  static refuseChangeOfIssued(invoice: Invoice) {
    if (invoice.$original.status === 'issued' && invoice.$isDirty) {
      throw new DomainError('invoices.errors.issued')
    }
  }

  /** Nothing that matters is deleted: an invoice never is. */
  @beforeDelete()
  static refuseDelete() {
    throw new DomainError('invoices.errors.issued')
  }

  /** Whether it is still a draft (no number, lines editable). */
  get isDraft() {
    return this.status === 'draft'
  }

  /** Whether it is issued (numbered, never changed again). */
  get isIssued() {
    return this.status === 'issued'
  }

  /** Whether it is a credit note (avoir). */
  get isCreditNote() {
    return this.kind === 'credit_note'
  }

  /** Whether a credit note may be made from it: an issued invoice. */
  get isCreditable() {
    return this.isIssued && this.kind === 'invoice'
  }

  /** Its numbering series: F for invoices, A for credit notes. */
  get series(): InvoiceSeries {
    return this.isCreditNote ? 'A' : 'F'
  }

  /** The period it bills. */
  get period(): Period {
    return { startsOn: this.periodStartsOn, endsOn: this.periodEndsOn }
  }

  /** Its totals from its lines (loaded), with the VAT per rate. */
  get totals() {
    return invoiceTotals(this.lines)
  }

  /** The issued invoices and credit notes (what tenants see). */
  static issued = scope((query) => {
    query.where('status', 'issued')
  })

  /** Its totals set from its lines: kept up to date on a draft, frozen at issue. */
  setTotals(lines: InvoiceLine[]) {
    const totals = invoiceTotals(lines)
    this.netCents = totals.netCents
    this.vatCents = totals.vatCents
    this.grossCents = totals.grossCents
  }

  /**
   * Prepares the month's draft invoices, one per company, from the rent roll and the room
   * hours beyond the quota, each company in its own transaction (a failure leaves the others'
   * drafts as they were). Run again, it replaces a draft's prepared lines and keeps the lines a
   * person added; an issued invoice of the month is never touched. Reads everything in a
   * fixed number of queries, whatever the number of companies.
   */
  static async prepareMonth(month: DateTime, actor: Actor = currentActor()): Promise<RunReport> {
    const period = monthOf(month)
    const [agreements, hourPriceCents, inAdvance, defaultQuota] = await Promise.all([
      Agreement.withCompanyAndCells(Agreement.holdingDuring(period)),
      Setting.number('room_hour_price_cents'),
      Setting.number('billing_in_advance'),
      Setting.number('booking_quota_minutes'),
    ])
    const roll = rentRollFor(period.startsOn, agreements, []).lines
    const hoursMonth = roomHoursMonth(period.startsOn, inAdvance === 1)
    const booked = hourPriceCents > 0 ? await minutesBookedByCompanyInMonth(hoursMonth) : new Map()

    const companyIds = new Set([...roll.map((line) => line.agreement.companyId), ...booked.keys()])
    const companies = companyIds.size ? await Company.query().whereIn('id', [...companyIds]) : []
    const rollByCompany = new Map<number, RentRollLine[]>()
    for (const line of roll) {
      const list = rollByCompany.get(line.agreement.companyId) ?? []
      list.push(line)
      rollByCompany.set(line.agreement.companyId, list)
    }

    const report: RunReport = { prepared: [], skipped: [], failed: [] }
    for (const company of sortByName(companies, (entry) => entry.name)) {
      const quota = company.bookingQuotaMinutes ?? defaultQuota
      const lines = preparedLines(period.startsOn, rollByCompany.get(company.id) ?? [], {
        minutesBeyond: minutesBeyondQuota(booked.get(company.id) ?? 0, quota),
        hourPriceCents,
        month: hoursMonth,
      })
      if (!lines.length) continue
      try {
        const invoice = await DataRevision.transaction((trx) =>
          this.#prepareFor(company, period, lines, actor, trx)
        )
        if (invoice) report.prepared.push(invoice)
        else report.skipped.push(company)
      } catch (error) {
        report.failed.push({ company, error })
      }
    }
    return report
  }

  /**
   * One company's draft of the month, in its transaction, the company's row locked so that
   * two runs at once prepare one draft: created, or its prepared lines replaced (a person's
   * kept). Null when the month's invoice is issued already.
   */
  static async #prepareFor(
    company: Company,
    period: Period,
    terms: Omit<LineTerms, 'creditedLineId'>[],
    actor: Actor,
    trx: TransactionClientContract
  ) {
    await Company.locked(company.id, trx)
    const existing = await this.query({ client: trx })
      .where('company_id', company.id)
      .where('kind', 'invoice')
      .where('period_starts_on', period.startsOn.toISODate()!)
      .orderBy('id')
    const draft = existing.find((invoice) => invoice.isDraft)
    if (!draft && existing.length) return null

    const invoice =
      draft ??
      (await this.create(
        {
          kind: 'invoice',
          status: 'draft',
          companyId: company.id,
          periodStartsOn: period.startsOn,
          periodEndsOn: period.endsOn,
          createdById: actor.userId,
        },
        { client: trx }
      ))
    const before = draft ? invoice.auditAttributes() : null
    const kept = draft
      ? await InvoiceLine.query({ client: trx })
          .where('invoice_id', invoice.id)
          .whereNotIn('kind', PREPARED_KINDS)
          .orderBy('position')
      : []
    if (draft) {
      await InvoiceLine.query({ client: trx })
        .where('invoice_id', invoice.id)
        .whereIn('kind', PREPARED_KINDS)
        .delete()
    }
    const written = await InvoiceLine.createMany(
      terms.map((line, index) => ({ ...line, invoiceId: invoice.id, position: index + 1 })),
      { client: trx }
    )
    for (const [index, line] of kept.entries()) {
      line.position = terms.length + index + 1
      await line.save()
    }
    invoice.setTotals([...written, ...kept])
    await invoice.save()
    await AuditEvent.record(
      'invoice.prepared',
      invoice,
      { before, after: invoice.auditAttributes() },
      trx,
      actor
    )
    invoice.$setRelated('company', company)
    return invoice
  }

  /**
   * Issues a draft: the next number of its series and year (the series' row locked until the
   * transaction ends, so that numbers follow one another without gap or duplicate however
   * many issue at once), today's date, the due date after the days to pay, the buyer as the
   * company is today and the totals, frozen. Refused without lines or without a billing address.
   */
  async issue(trx?: TransactionClientContract) {
    const issuedOn = today()
    await InvoiceSequence.ensure(this.series, issuedOn.year)
    await this.changeAs(
      'invoice.issued',
      async (invoice, client) => {
        if (!invoice.isDraft) throw new DomainError('invoices.errors.not_draft')
        const lines = await InvoiceLine.query({ client }).where('invoice_id', invoice.id)
        if (!lines.length) throw new DomainError('invoices.errors.empty')
        const company = await Company.findOrFail(invoice.companyId, { client })
        if (!company.hasBillingAddress) {
          throw new DomainError('invoices.errors.no_billing_address', undefined, {
            company: company.name,
          })
        }
        const daysToPay = await Setting.number('invoice_days_to_pay', client)
        invoice.setTotals(lines)
        invoice.number = await InvoiceSequence.next(invoice.series, issuedOn.year, client)
        invoice.status = 'issued'
        invoice.issuedOn = issuedOn
        invoice.dueOn = issuedOn.plus({ days: daysToPay })
        invoice.issuedById = currentActor().userId
        invoice.buyerName = company.name
        invoice.buyerAddress = company.billingAddress
        invoice.buyerPostcode = company.billingPostcode
        invoice.buyerCity = company.billingCity
        invoice.buyerCountryCode = company.billingCountryCode
        invoice.buyerSiren = company.siren
        invoice.buyerEmail = company.billingEmail ?? company.email
        const operator = await Operator.current(client)
        invoice.seller = JSON.stringify(operator.asSeller(daysToPay))
      },
      trx
    )
  }

  /**
   * Issues every draft of a month (invoices, then credit notes), each in its own transaction:
   * one refused (no billing address...) leaves the others issued.
   */
  static async issueMonth(month: DateTime) {
    const period = monthOf(month)
    const drafts = await this.query()
      .where('status', 'draft')
      .where('period_starts_on', period.startsOn.toISODate()!)
      .preload('company')
      .orderBy('kind', 'desc')
      .orderBy('id')
    const issued: Invoice[] = []
    const refused: { invoice: Invoice; error: unknown }[] = []
    for (const draft of drafts) {
      try {
        await draft.issue()
        issued.push(draft)
      } catch (error) {
        refused.push({ invoice: draft, error })
      }
    }
    return { issued, refused }
  }

  /**
   * The month's run as managers review it: each invoice and credit note of the month with its
   * company (flagged when it has no billing address) and, for an invoice, the gross of the
   * company's invoice of the month before; in three queries, whatever the number of companies.
   */
  static async runOf(month: DateTime) {
    const period = monthOf(month)
    const previous = period.startsOn.minus({ months: 1 })
    const [invoices, earlier] = await Promise.all([
      this.query()
        .where('period_starts_on', period.startsOn.toISODate()!)
        .preload('company')
        .orderBy('kind')
        .orderBy('id'),
      this.query()
        .where('kind', 'invoice')
        .where('period_starts_on', previous.toISODate()!)
        .select('company_id', 'gross_cents'),
    ])
    const before = new Map(earlier.map((invoice) => [invoice.companyId, invoice.grossCents]))
    const rows = sortByName(invoices, (invoice) => invoice.company.name).map((invoice) => ({
      invoice,
      previousGrossCents: invoice.isCreditNote ? null : (before.get(invoice.companyId) ?? null),
    }))
    const sum = (list: typeof rows) =>
      list.reduce((total, row) => total + row.invoice.grossCents, 0)
    const drafts = rows.filter((row) => row.invoice.isDraft)
    return {
      period,
      rows,
      totals: {
        drafts: drafts.length,
        draftGrossCents: sum(drafts),
        issuedGrossCents: sum(rows.filter((row) => row.invoice.isIssued)),
      },
    }
  }

  /**
   * One audited change of a draft's lines: the invoice's row locked, refused once issued, its
   * totals set again from its lines, the change recorded on the invoice with the line's values.
   */
  async #changeLines(
    action: string,
    change: (
      invoice: Invoice,
      trx: TransactionClientContract
    ) => Promise<{ before: InvoiceLine | null; after: InvoiceLine | null }>,
    trx?: TransactionClientContract
  ) {
    return DataRevision.within(trx, async (client) => {
      const invoice = await lockedForUpdate(
        Invoice.query({ client }).where('id', this.id)
      ).firstOrFail()
      if (!invoice.isDraft) throw new DomainError('invoices.errors.issued')
      const { before, after } = await change(invoice, client)
      const lines = await InvoiceLine.query({ client }).where('invoice_id', invoice.id)
      invoice.setTotals(lines)
      await invoice.save()
      await AuditEvent.record(
        action,
        invoice,
        { before: before?.auditAttributes() ?? null, after: after?.auditAttributes() ?? null },
        client
      )
      this.$attributes = { ...invoice.$attributes }
      this.$original = { ...invoice.$original }
      return after
    })
  }

  /** Adds a line (a service, another item) at the end of a draft. */
  async addLine(terms: LineTerms, trx?: TransactionClientContract) {
    return this.#changeLines(
      'invoice.line_added',
      async (invoice, client) => {
        const last = await InvoiceLine.query({ client })
          .where('invoice_id', invoice.id)
          .max('position as last')
          .pojo<{ last: number | null }>()
        const line = await InvoiceLine.create(
          { ...terms, invoiceId: invoice.id, position: Number(last[0]?.last ?? 0) + 1 },
          { client }
        )
        return { before: null, after: line }
      },
      trx
    )
  }

  /** Changes a line of a draft (its description, quantity, price or rate). */
  async changeLine(lineId: number, terms: Partial<LineTerms>, trx?: TransactionClientContract) {
    return this.#changeLines(
      'invoice.line_changed',
      async (invoice, client) => {
        const line = await InvoiceLine.query({ client })
          .where('invoice_id', invoice.id)
          .where('id', lineId)
          .firstOrFail()
        const before = new InvoiceLine().merge({ ...line.$attributes })
        line.merge(terms)
        await line.save()
        return { before, after: line }
      },
      trx
    )
  }

  /** Removes a line of a draft (a draft is not a document yet; the removal is recorded). */
  async removeLine(lineId: number, trx?: TransactionClientContract) {
    await this.#changeLines(
      'invoice.line_removed',
      async (invoice, client) => {
        const line = await InvoiceLine.query({ client })
          .where('invoice_id', invoice.id)
          .where('id', lineId)
          .firstOrFail()
        await line.delete()
        return { before: line, after: null }
      },
      trx
    )
  }

  /**
   * Makes a draft credit note from an issued invoice: the lines chosen (each credited once,
   * which the database holds too), at the negative of their amounts, citing the invoice.
   * It gets its own number (series A) when issued.
   */
  async credit(lineIds: number[], reason: string, trx?: TransactionClientContract) {
    return DataRevision.within(trx, async (client) => {
      const invoice = await lockedForUpdate(
        Invoice.query({ client }).where('id', this.id)
      ).firstOrFail()
      if (!invoice.isCreditable) throw new DomainError('invoices.errors.not_creditable')
      const lines = await InvoiceLine.query({ client })
        .where('invoice_id', invoice.id)
        .whereIn('id', lineIds)
        .orderBy('position')
      if (!lines.length || lines.length !== new Set(lineIds).size) {
        throw new DomainError('invoices.errors.no_lines_chosen', 'lineIds')
      }
      const credited = await InvoiceLine.query({ client })
        .whereIn('credited_line_id', lineIds)
        .select('id')
      if (credited.length) throw new DomainError('invoices.errors.already_credited', 'lineIds')
      const note = await Invoice.create(
        {
          kind: 'credit_note',
          status: 'draft',
          companyId: invoice.companyId,
          periodStartsOn: invoice.periodStartsOn,
          periodEndsOn: invoice.periodEndsOn,
          creditedInvoiceId: invoice.id,
          reason,
          createdById: currentActor().userId,
        },
        { client }
      )
      let written: InvoiceLine[]
      try {
        written = await InvoiceLine.createMany(
          lines.map((line, index) => ({
            invoiceId: note.id,
            position: index + 1,
            kind: line.kind,
            agreementId: line.agreementId,
            creditedLineId: line.id,
            description: line.description,
            quantityMilli: line.quantityMilli,
            unit: line.unit,
            unitPriceCents: -line.unitPriceCents,
            vatRateBp: line.vatRateBp,
            vatCategory: line.vatCategory,
          })),
          { client }
        )
      } catch (error) {
        if (isDuplicate(error)) throw new DomainError('invoices.errors.already_credited', 'lineIds')
        throw error
      }
      note.setTotals(written)
      await note.save()
      await note.recordCreation('credit_note.created', client)
      await AuditEvent.record(
        'invoice.credited',
        invoice,
        { after: { creditNoteLines: written.length, grossCents: note.grossCents } },
        client
      )
      return note
    })
  }

  /** The seller as copied when the invoice was issued, or null for a draft. */
  get issuedSeller(): InvoiceDocument['seller'] | null {
    return this.seller ? JSON.parse(this.seller) : null
  }

  /**
   * The issued invoice or credit note as a document (app/domain/invoice_document.ts), with the
   * seller and the buyer as copied at issue (or a seller given); lines and
   * credited invoice loaded. A credit note's amounts are stored negative (so that a company's
   * documents add up to what it owes) and stated positive on the document, as its kind says
   * what they cancel.
   */
  document(seller: InvoiceDocument['seller'] | null = this.issuedSeller): InvoiceDocument {
    if (!this.isIssued || !seller) throw new DomainError('invoices.errors.not_issued')
    const sign = this.isCreditNote ? -1 : 1
    const lines = [...this.lines]
      .sort((a, b) => a.position - b.position)
      .map((line) => ({
        description: line.description,
        quantityMilli: line.quantityMilli,
        unit: line.unit,
        unitPriceCents: sign * line.unitPriceCents + 0,
        vatRateBp: line.vatRateBp,
        vatCategory: line.vatCategory,
        netCents: sign * line.netCents + 0,
        vatCents: sign * line.vatCents + 0,
      }))
    return {
      kind: this.kind,
      number: this.number!,
      issuedOn: this.issuedOn!.toISODate()!,
      dueOn: this.dueOn!.toISODate()!,
      period: {
        startsOn: this.periodStartsOn.toISODate()!,
        endsOn: this.periodEndsOn.toISODate()!,
      },
      seller,
      buyer: {
        name: this.buyerName ?? '',
        addressLines: addressLines(this.buyerAddress),
        postcode: this.buyerPostcode ?? '',
        city: this.buyerCity ?? '',
        countryCode: this.buyerCountryCode ?? 'FR',
        siren: this.buyerSiren ?? '',
        ...(this.buyerEmail ? { email: this.buyerEmail } : {}),
      },
      lines,
      totals: invoiceTotals(lines),
      ...(this.creditedInvoice
        ? {
            creditedInvoice: {
              number: this.creditedInvoice.number!,
              issuedOn: this.creditedInvoice.issuedOn!.toISODate()!,
            },
          }
        : {}),
    }
  }

  /** The values worth recording in the audit trail. */
  auditAttributes() {
    return {
      kind: this.kind,
      status: this.status,
      companyId: this.companyId,
      number: this.number,
      issuedOn: this.issuedOn?.toISODate() ?? null,
      dueOn: this.dueOn?.toISODate() ?? null,
      reason: this.reason,
      netCents: this.netCents,
      vatCents: this.vatCents,
      grossCents: this.grossCents,
    }
  }
}
