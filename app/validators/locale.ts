import vine from '@vinejs/vine'
import { LOCALES } from '#models/user'

/** The language picked in the header. */
export const updateLocaleValidator = vine.create({
  locale: vine.enum(LOCALES),
})
