import { test } from '@japa/runner'
import Agreement from '#models/agreement'
import Cell from '#models/cell'
import { freeChoices } from '#domain/free_cells'
import { day } from '#domain/periods'

function cell(id: number, floor: number, areaSqm: number, outOfService = false) {
  const record = new Cell()
  record.merge({ id, code: `F${floor}-${id}`, floor, areaSqm, desks: 2 })
  record.outOfServiceAt = outOfService ? day('2026-01-01') : null
  return record
}

function agreement(cells: Cell[], startsOn: string, endsOn: string) {
  const record = new Agreement()
  record.merge({
    status: 'active',
    startsOn: day(startsOn),
    endsOn: day(endsOn),
    terminatedOn: null,
  })
  record.$setRelated('cells', cells)
  return record
}

test.group('Free cells finder', () => {
  const cells = [
    cell(1, 0, 18),
    cell(2, 0, 20),
    cell(3, 0, 30),
    cell(4, 1, 15),
    cell(5, 1, 16),
    cell(6, 1, 40, true),
  ]
  const agreements = [agreement([cells[2]], '2026-06-01', '2026-12-31')]
  const period = { startsOn: day('2026-01-01'), endsOn: day('2026-06-30') }

  test('cells free for the whole period with the area asked', ({ assert }) => {
    const choices = freeChoices(cells, agreements, period, { minAreaSqm: 18, adjacent: false })
    // F0-3 is taken from June; F1-6 is out of service; F1-4 and F1-5 are too small.
    assert.deepEqual(
      choices.map((choice) => choice.cells.map((c) => c.code)),
      [['F0-1'], ['F0-2']]
    )
  })

  test('a period before the agreement leaves the cell free', ({ assert }) => {
    const before = { startsOn: day('2026-01-01'), endsOn: day('2026-05-31') }
    const choices = freeChoices(cells, agreements, before, { minAreaSqm: 25, adjacent: false })
    assert.deepEqual(
      choices.map((choice) => choice.cells[0].code),
      ['F0-3']
    )
  })

  test('neighbouring cells on one floor combine to reach the area', ({ assert }) => {
    const choices = freeChoices(cells, agreements, period, { minAreaSqm: 30, adjacent: true })
    assert.deepEqual(
      choices.map((choice) => [choice.cells.map((c) => c.code).join('+'), choice.areaSqm]),
      [
        ['F0-1+F0-2', 38],
        ['F1-4+F1-5', 31],
      ]
    )
  })
})
