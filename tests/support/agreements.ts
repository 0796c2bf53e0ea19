import db from '@adonisjs/lucid/services/db'
import Agreement, { type AgreementTerms } from '#models/agreement'
import type Cell from '#models/cell'
import { CellFactory } from '#database/factories/cell_factory'
import { day } from '#domain/periods'
import { createBuilding } from '#tests/support/fixtures'

let sequence = 0

/** A cell of the test building. */
export async function createCell(overrides: Partial<Pick<Cell, 'areaSqm' | 'code'>> = {}) {
  sequence += 1
  const building = await createBuilding()
  return CellFactory.merge({
    buildingId: building.id,
    code: `C-${sequence}`,
    ...overrides,
  }).create()
}

/** An agreement opened through the model, with its rules checked. */
export async function openAgreement(
  terms: Partial<AgreementTerms> & Pick<AgreementTerms, 'companyId' | 'cellIds'>
) {
  return db.transaction((trx) =>
    Agreement.open(
      {
        startsOn: day('2026-01-01'),
        endsOn: day('2026-12-31'),
        noticeMonths: 3,
        rentSteps: [1000, 1150, 1300],
        monthlyChargesCents: 5000,
        depositCents: 40000,
        ...terms,
      },
      trx
    )
  )
}
