import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Operator from '#models/operator'

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
