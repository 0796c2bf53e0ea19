import vine from '@vinejs/vine'

/** Email and password typed on the login page. */
export const loginValidator = vine.create({
  email: vine.string().trim().toLowerCase().email().maxLength(254),
  password: vine.string().maxLength(128),
})
