import vine from '@vinejs/vine'
import { emailAddress } from '#validators/rules'

/** A person asks to change their own address, proving it is them with their password. */
export const emailChangeValidator = vine.create({
  email: emailAddress(),
  currentPassword: vine.string().maxLength(128),
})
