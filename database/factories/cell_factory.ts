import factory from '@adonisjs/lucid/factories'
import Cell from '#models/cell'

let sequence = 0

/** A cell of 20 m² with two desks, on the ground floor (give it a building). */
export const CellFactory = factory
  .define(Cell, () => {
    sequence += 1
    return { code: `C-${sequence}`, floor: 0, areaSqm: 20, desks: 2 }
  })
  .build()
