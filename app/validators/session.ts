import vine from '@vinejs/vine'
import { emailAddress } from '#validators/rules'

/** Email and password typed on the login page. */
export const loginValidator = vine.create({
  email: emailAddress(),
  password: vine.string().maxLength(128),
})
