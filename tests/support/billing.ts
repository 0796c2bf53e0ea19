/**
 * Forms and records of billing shared by its specs.
 */
import Service, { type ServiceValues } from '#models/service'
import Mandate from '#models/mandate'
import { day } from '#domain/periods'

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

/** The billing rules of the settings form, as they are by default. */
export const billingSettingsForm = {
  billing: 'advance',
  roomHourPrice: '0',
  invoiceDaysToPay: '30',
}

/** A service of the catalogue as a manager types it. */
export const serviceForm = {
  name: 'Domiciliation',
  description: 'Adresse du siège et réception du courrier',
  unit: 'month',
  unitPrice: '45,50',
  vat: '2000',
  vatExemptionReason: '',
}

/** A service of the catalogue, offered. */
export function createService(values: Partial<ServiceValues> = {}) {
  return Service.add({
    name: 'Impression couleur',
    description: null,
    unit: 'piece',
    unitPriceCents: 15,
    vat: '2000',
    vatExemptionReason: null,
    ...values,
  })
}

/** A mandate as a manager types it from the paper the company signed. */
export const mandateForm = {
  debtorName: 'Atelier du Hainaut SAS',
  iban: 'fr76 3000 6000 0112 3456 7890 189',
  bic: 'agri fr pp xxx',
  signedOn: '2026-01-15',
}

/** A company's active mandate, signed at the beginning of 2026. */
export function signMandate(companyId: number) {
  return Mandate.sign(companyId, {
    debtorName: 'Atelier du Hainaut SAS',
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPPXXX',
    signedOn: day('2026-01-15'),
  })
}
