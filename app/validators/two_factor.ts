import vine from '@vinejs/vine'

/** A code typed at sign-in or to confirm enrolment: six digits, or a recovery code. */
export const twoFactorCodeValidator = vine.create({
  code: vine.string().trim().maxLength(32),
})

/** What proves it is the person who turns the second factor off: the password or a code. */
export const twoFactorConfirmationValidator = vine.create({
  password: vine.string().maxLength(128),
})

/**
 * The same proof to renew the recovery codes, under its own name: both forms share a page,
 * and each field has its own id and message.
 */
export const renewRecoveryCodesValidator = vine.create({
  confirmation: vine.string().maxLength(128),
})
