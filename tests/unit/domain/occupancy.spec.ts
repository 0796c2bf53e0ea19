import { test } from '@japa/runner'
import Agreement from '#models/agreement'
import Cell from '#models/cell'
import { cellStatesOn, occupancyOf } from '#domain/occupancy'
import { day } from '#domain/periods'

function cell(id: number, areaSqm: number, outOfService = false) {
  const record = new Cell()
  record.merge({ id, code: `C${id}`, areaSqm, floor: 0, desks: 2 })
  record.outOfServiceAt = outOfService ? day('2026-01-01') : null
  return record
}

function agreement(
  id: number,
  cells: Cell[],
  startsOn: string,
  endsOn: string,
  terminatedOn?: string
) {
  const record = new Agreement()
  record.merge({
    id,
    status: terminatedOn ? 'terminated' : 'active',
    startsOn: day(startsOn),
    endsOn: day(endsOn),
    terminatedOn: terminatedOn ? day(terminatedOn) : null,
  })
  record.$setRelated('cells', cells)
  return record
}

test.group('Cell states on a day', () => {
  const [a, b, c, d, e] = [cell(1, 20), cell(2, 30), cell(3, 10), cell(4, 40, true), cell(5, 20)]
  const agreements = [
    agreement(1, [a, b], '2026-01-01', '2026-12-31'),
    agreement(2, [c], '2026-09-01', '2027-08-31'),
    agreement(3, [e], '2025-01-01', '2026-12-31', '2026-03-31'),
  ]

  test('occupied, reserved, out of service, free — an early termination frees the cell', ({
    assert,
  }) => {
    const plan = cellStatesOn([a, b, c, d, e], agreements, day('2026-06-15'))
    assert.deepEqual(
      plan.map((entry) => [entry.cell.code, entry.state, entry.agreement?.id ?? null]),
      [
        ['C1', 'occupied', 1],
        ['C2', 'occupied', 1],
        ['C3', 'reserved', 2],
        ['C4', 'out_of_service', null],
        ['C5', 'free', null],
      ]
    )
  })

  test('the last day of an agreement still counts as occupied', ({ assert }) => {
    const plan = cellStatesOn([a], agreements, day('2026-12-31'))
    assert.equal(plan[0].state, 'occupied')
    assert.equal(cellStatesOn([a], agreements, day('2027-01-01'))[0].state, 'free')
  })

  test('occupancy by count and by area', ({ assert }) => {
    const occupancy = occupancyOf(cellStatesOn([a, b, c, d, e], agreements, day('2026-06-15')))
    assert.equal(occupancy.occupiedCells, 2)
    assert.equal(occupancy.cells, 5)
    assert.equal(occupancy.occupiedSqm, 50)
    assert.equal(occupancy.areaSqm, 120)
    assert.closeTo(occupancy.byArea, 50 / 120, 1e-9)
    assert.equal(occupancy.byCount, 0.4)
  })
})
