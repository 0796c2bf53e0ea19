import vine from '@vinejs/vine'
import { newPassword } from '#validators/user'

/** A user changes their own password. */
export const updatePasswordValidator = vine.create({
  currentPassword: vine.string().maxLength(128),
  password: newPassword().confirmed({ confirmationField: 'passwordConfirmation' }),
})
