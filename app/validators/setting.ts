import vine from '@vinejs/vine'

/** A manager changes the incubator's rules. */
export const updateSettingsValidator = vine.create({
  maxStayMonths: vine.number().withoutDecimals().min(6).max(120),
})
