import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { Audited } from '#models/concerns/audited'
import DataRevision from '#models/data_revision'
import { MandateSchema } from '#database/schema'
import { belongsTo, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import Company from '#models/company'
import { DomainError } from '#exceptions/domain_error'
import { lockedForUpdate } from '#helpers/locking'
import { today } from '#domain/periods'
import { groupedIban, mandateReference, maskedIban } from '#domain/billing_identifiers'

/** A mandate's terms as the company signed them (IBAN and BIC already normalised). */
export type MandateTerms = {
  debtorName: string
  iban: string
  bic: string
  signedOn: DateTime
}

/**
 * A SEPA direct debit mandate (mandat de prélèvement): a company's authorisation to debit
 * its account, under a unique reference (RUM). A company has at most one active mandate: a
 * new one replaces the former, which stays as history. Revoked, never deleted. Its first
 * debit is "FRST", the next ones "RCUR" (the collection records first_collected_on).
 */
export default class Mandate extends compose(MandateSchema, RevisesData, Audited) {
  @belongsTo(() => Company)
  declare company: BelongsTo<typeof Company>

  /** The mandates that may be debited (isActive). */
  static active = scope((query) => {
    query.whereNull('revoked_at')
  })

  /** Whether the mandate may be debited: not revoked. */
  get isActive() {
    return this.revokedAt === null
  }

  /** The SEPA sequence type of its next debit: the first one, or a recurring one. */
  get sequenceType(): 'FRST' | 'RCUR' {
    return this.firstCollectedOn ? 'RCUR' : 'FRST'
  }

  /** The IBAN in groups of four, whole (for managers). */
  get groupedIban() {
    return groupedIban(this.iban)
  }

  /** The IBAN with only its country, key and last 3 characters shown (for tenants). */
  get maskedIban() {
    return maskedIban(this.iban)
  }

  /** A company's active mandate, if any. */
  static activeOf(companyId: number, client?: QueryClientContract) {
    return this.query({ client })
      .where('company_id', companyId)
      .withScopes((scopes) => scopes.active())
      .first()
  }

  /**
   * Records a mandate the company signed: under a lock on the company, its reference is the
   * company's next one, the former active mandate (if any) is replaced, and both changes
   * are recorded — in one transaction. Signed in the future: refused.
   */
  static async sign(companyId: number, terms: MandateTerms, trx?: TransactionClientContract) {
    if (terms.signedOn > today()) {
      throw new DomainError('mandates.errors.signed_in_future', 'signedOn')
    }
    return DataRevision.within(trx, async (client) => {
      await lockedForUpdate(Company.query({ client }).where('id', companyId)).firstOrFail()
      const former = await this.activeOf(companyId, client)
      const signed = await this.query({ client }).where('company_id', companyId).count('* as total')
      const mandate = new Mandate()
      mandate.useTransaction(client)
      mandate.merge({
        ...terms,
        companyId,
        reference: mandateReference(companyId, Number(signed[0].$extras.total) + 1),
        activeCompanyId: null,
      })
      await mandate.save()
      if (former) {
        await former.changeAs(
          'mandate.replaced',
          (row) => {
            row.#end()
            row.replacedById = mandate.id
          },
          client
        )
      }
      mandate.activeCompanyId = companyId
      await mandate.save()
      await mandate.recordCreation('mandate.signed', client)
      return mandate
    })
  }

  /** Revokes the mandate, with the reason (the company withdrew it, closed its account...). */
  async revoke(reason: string, trx?: TransactionClientContract) {
    await this.changeAs(
      'mandate.revoked',
      (mandate) => {
        if (!mandate.isActive) throw new DomainError('mandates.errors.already_revoked')
        mandate.#end()
        mandate.revocationReason = reason
      },
      trx
    )
  }

  /** Ends the mandate: no longer debited, no longer the company's active one. */
  #end() {
    this.revokedAt = DateTime.utc()
    this.activeCompanyId = null
  }

  /** The values worth recording in the audit trail. */
  auditAttributes() {
    return {
      reference: this.reference,
      debtorName: this.debtorName,
      iban: this.iban,
      bic: this.bic,
      signedOn: this.signedOn?.toISODate() ?? null,
      firstCollectedOn: this.firstCollectedOn?.toISODate() ?? null,
      revokedAt: this.revokedAt?.toISO() ?? null,
      revocationReason: this.revocationReason,
    }
  }
}
