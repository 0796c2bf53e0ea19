import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Operator from '#models/operator'
import Service, { type ServiceValues } from '#models/service'
import Mandate from '#models/mandate'
import { day } from '#domain/periods'

/**
 * The demo's billing: the operator of the Nouvelle Forge (a fictitious public body's
 * identifiers, their check keys right; the French banks' test IBAN).
 */
export async function seedOperator(trx: TransactionClientContract) {
  const operator = await Operator.current(trx)
  if (operator.isComplete) return operator
  await operator.updateDetails(
    {
      name: 'Valenciennes Métropole \u2014 Pépinière Nouvelle Forge',
      legalForm: "Communauté d'agglomération",
      address: "Rives Créatives de l'Escaut",
      addressComplement: 'Nouvelle Forge',
      postcode: '59300',
      city: 'Valenciennes',
      countryCode: 'FR',
      siret: '20007009200016',
      vatNumber: 'FR90200070092',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPPXXX',
      creditorId: 'FR72ZZZ123456',
      latePenaltyRateBp: 1215,
      earlyPaymentText: "Pas d'escompte pour paiement anticipé.",
      revenueAccount: '706000',
      vatAccount: '445710',
      customersAccount: '411000',
    },
    trx
  )
  return operator
}

/** The demo catalogue: what a pépinière invoices on top of the rent. */
const SERVICES: ServiceValues[] = [
  {
    name: 'Domiciliation',
    description: 'Adresse du siège social, réception et mise à disposition du courrier',
    unit: 'month',
    unitPriceCents: 4500,
    vat: '2000',
    vatExemptionReason: null,
  },
  {
    name: 'Impression noir et blanc',
    description: 'Format A4',
    unit: 'piece',
    unitPriceCents: 10,
    vat: '2000',
    vatExemptionReason: null,
  },
  {
    name: 'Impression couleur',
    description: 'Format A4',
    unit: 'piece',
    unitPriceCents: 50,
    vat: '2000',
    vatExemptionReason: null,
  },
  {
    name: 'Badge ou clé supplémentaire',
    description: null,
    unit: 'piece',
    unitPriceCents: 2500,
    vat: '2000',
    vatExemptionReason: null,
  },
  {
    name: 'Ménage du bureau',
    description: 'Intervention en dehors du ménage hebdomadaire des parties communes',
    unit: 'hour',
    unitPriceCents: 2800,
    vat: '2000',
    vatExemptionReason: null,
  },
  {
    name: 'Affranchissement du courrier',
    description: 'Refacturé au prix payé à La Poste',
    unit: 'piece',
    unitPriceCents: 150,
    vat: 'outside',
    vatExemptionReason: 'Débours, hors champ de la TVA (article 267 II 2° du CGI)',
  },
]

/** Adds the demo catalogue once (a second seeding finds it and adds nothing). */
export async function seedServices(trx: TransactionClientContract) {
  if (await Service.query({ client: trx }).first()) return
  for (const values of SERVICES) await Service.add(values, trx)
}

/**
 * The demo company pays by direct debit: a first mandate, replaced when it changed banks
 * (once: a second seeding finds them).
 */
export async function seedMandates(companyId: number, trx: TransactionClientContract) {
  if (await Mandate.query({ client: trx }).where('company_id', companyId).first()) return
  await Mandate.sign(
    companyId,
    {
      debtorName: 'Atelier Numérique du Hainaut',
      iban: 'DE89370400440532013000',
      bic: 'COBADEFFXXX',
      signedOn: day('2024-01-10'),
    },
    trx
  )
  await Mandate.sign(
    companyId,
    {
      debtorName: 'Atelier Numérique du Hainaut',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPPXXX',
      signedOn: day('2025-03-03'),
    },
    trx
  )
}
