import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { Audited } from '#models/concerns/audited'
import { OperatorSchema } from '#database/schema'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { groupedIban } from '#domain/billing_identifiers'
import { sirenOf } from '#domain/siret'
import i18nManager from '@adonisjs/i18n/services/main'
import type { InvoiceDocument } from '#domain/invoice_document'
import { formatPercent } from '#helpers/formatting'

/** The operator's details as a manager keeps them (identifiers already normalised). */
export type OperatorDetails = {
  name: string
  legalForm: string
  address: string
  addressComplement: string | null
  postcode: string
  city: string
  countryCode: string
  siret: string
  vatNumber: string | null
  iban: string | null
  bic: string | null
  creditorId: string | null
  latePenaltyRateBp: number
  earlyPaymentText: string
  revenueAccount: string
  vatAccount: string
  customersAccount: string
}

/**
 * The terms every invoice states, with their French defaults: the late payment penalty rate
 * is the one the Code de commerce (L441-10) applies when none is agreed — the ECB's main
 * refinancing rate (2.15 % since 11 June 2025) plus 10 points, 12.15 % — and no discount for
 * early payment. Account numbers from the French chart of accounts (PCG) for the export.
 */
export const OPERATOR_DEFAULTS = {
  countryCode: 'FR',
  latePenaltyRateBp: 1215,
  earlyPaymentText: "Pas d'escompte pour paiement anticipé.",
  revenueAccount: '706000',
  vatAccount: '445710',
  customersAccount: '411000',
}

/**
 * The operator (l'exploitant): who issues the invoices — its identity, bank details, SEPA
 * creditor identifier (ICS), payment terms and account numbers. One per installation:
 * Operator.current(), blank until a manager fills it in.
 */
export default class Operator extends compose(OperatorSchema, RevisesData, Audited) {
  /** The operator, created with the default terms on first use. */
  static async current(client?: QueryClientContract) {
    const existing = await this.query({ client }).orderBy('id').first()
    return existing ?? this.create({ ...OPERATOR_DEFAULTS }, { client })
  }

  /**
   * Whether an invoice may be issued in its name: the mentions the law asks of the seller
   * (name, legal form, address, SIREN/SIRET) are filled in.
   */
  get isComplete() {
    return Boolean(
      this.name && this.legalForm && this.address && this.postcode && this.city && this.siret
    )
  }

  /** The address as an invoice prints it, line by line. */
  get addressLines() {
    return [this.address, this.addressComplement].filter((line): line is string => Boolean(line))
  }

  /**
   * The seller as an invoice issued today states it, with its terms written out in French:
   * what Invoice#issue copies, so that the invoice never changes afterwards.
   */
  asSeller(daysToPay: number): InvoiceDocument['seller'] {
    const i18n = i18nManager.locale('fr')
    return {
      name: this.name ?? '',
      legalForm: this.legalForm ?? '',
      addressLines: this.addressLines,
      postcode: this.postcode ?? '',
      city: this.city ?? '',
      countryCode: this.countryCode ?? 'FR',
      siren: this.siren ?? '',
      siret: this.siret ?? '',
      vatNumber: this.vatNumber ?? '',
      iban: this.iban ?? '',
      bic: this.bic ?? '',
      ...(this.creditorId ? { creditorId: this.creditorId } : {}),
      paymentTermsText: i18n.t('invoice_documents.terms.payment', { days: daysToPay }),
      latePenaltyText: i18n.t('invoice_documents.terms.late_penalty', {
        rate: formatPercent(this.latePenaltyRateBp / 10_000, 'fr', 2),
      }),
      earlyPaymentText: this.earlyPaymentText ?? '',
    }
  }

  /** The IBAN in groups of four, or null. */
  get groupedIban() {
    return this.iban ? groupedIban(this.iban) : null
  }

  /** A manager's changes: the SIREN follows the SIRET; recorded with the values before and after. */
  async updateDetails(details: OperatorDetails, trx?: TransactionClientContract) {
    await this.changeAs(
      'operator.updated',
      (operator: Operator) => {
        operator.merge(details)
        operator.siren = sirenOf(details.siret)
      },
      trx
    )
  }

  /** The values worth recording in the audit trail. */
  auditAttributes() {
    return {
      name: this.name,
      legalForm: this.legalForm,
      address: this.address,
      addressComplement: this.addressComplement,
      postcode: this.postcode,
      city: this.city,
      countryCode: this.countryCode,
      siret: this.siret,
      vatNumber: this.vatNumber,
      iban: this.iban,
      bic: this.bic,
      creditorId: this.creditorId,
      latePenaltyRateBp: this.latePenaltyRateBp,
      earlyPaymentText: this.earlyPaymentText,
      revenueAccount: this.revenueAccount,
      vatAccount: this.vatAccount,
      customersAccount: this.customersAccount,
    }
  }
}
