import vine from '@vinejs/vine'
import { decimalNumber, euros } from '#validators/rules'

/** A manager changes the incubator's rules. */
export const updateSettingsValidator = vine.create({
  maxStayMonths: vine.number().withoutDecimals().min(6).max(120),
  bookingQuotaHours: decimalNumber({ min: -1, max: 744 }),
  managersTwoFactor: vine.boolean().optional(),
  tenantsMayInvite: vine.boolean().optional(),
  billing: vine.enum(['advance', 'arrears'] as const),
  roomHourPrice: euros(1000),
  invoiceDaysToPay: vine.number().withoutDecimals().min(0).max(60),
})
