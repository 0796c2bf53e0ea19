import vine from '@vinejs/vine'
import { emailAddress } from '#validators/rules'
import { newPassword } from '#validators/user'

/** Someone who forgot their password asks for a link. */
export const passwordResetRequestValidator = vine.create({
  email: emailAddress(),
})

/** A new password chosen through the link (the same rules as everywhere). */
export const passwordResetValidator = vine.create({
  password: newPassword().confirmed({ confirmationField: 'passwordConfirmation' }),
})
