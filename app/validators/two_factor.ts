import vine from '@vinejs/vine'

/** A code typed at sign-in or to confirm enrolment: six digits, or a recovery code. */
export const twoFactorCodeValidator = vine.create({
  code: vine.string().trim().maxLength(32),
})

/** What proves it is the person who turns the second factor off or renews the codes. */
export const twoFactorConfirmationValidator = vine.create({
  password: vine.string().maxLength(128),
})
