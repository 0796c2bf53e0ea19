/**
 * Forms and records of billing shared by its specs.
 */

/** The operator's details as a manager types them: spaces, lower case, French decimals. */
export const operatorForm = {
  name: 'Valenciennes Métropole',
  legalForm: "Communauté d'agglomération",
  address: '2 place de l’Hôpital Général',
  addressComplement: '',
  postcode: '59300',
  city: 'Valenciennes',
  siret: '732 829 320 00074',
  vatNumber: 'fr 44 732 829 320',
  iban: 'fr76 3000 6000 0112 3456 7890 189',
  bic: 'agri frpp xxx',
  creditorId: 'fr72 zzz 123456',
  latePenaltyRate: '10,5',
  earlyPaymentText: "Pas d'escompte pour paiement anticipé.",
  revenueAccount: '706000',
  vatAccount: '445710',
  customersAccount: '411000',
}
