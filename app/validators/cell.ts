import vine from '@vinejs/vine'
import { calendarDate, decimalNumber, isTicked, typedText } from '#validators/rules'

/**
 * A manager edits a cell: code, floor, area, desks, and whether it is out of
 * service (then with a reason). "cellId" in the metadata names the cell edited.
 */
export const cellValidator = vine.withMetaData<{ cellId: number }>().create({
  code: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{1,16}$/)
    .unique({
      table: 'cells',
      column: 'code',
      filter: (db, _value, field) => {
        db.whereNot('id', field.meta.cellId)
      },
    }),
  floor: vine.number().withoutDecimals().min(-2).max(10),
  areaSqm: decimalNumber({ min: 0, max: 500 }),
  desks: vine.number().withoutDecimals().min(0).max(50),
  outOfService: vine.boolean().optional(),
  outOfServiceReason: typedText()
    .maxLength(255)
    .optional()
    .requiredWhen((field) => isTicked(field.parent.outOfService)),
})

/** The free cells finder: a period, a minimum area, and whether to combine neighbours. */
export const freeCellsFinderValidator = vine.create({
  startsOn: calendarDate(),
  endsOn: calendarDate(),
  minAreaSqm: decimalNumber({ min: -1, max: 1000 }).optional(),
  adjacent: vine.boolean().optional(),
})
