import vine from '@vinejs/vine'
import { ROLES } from '#models/user'
import { recordId, typedText, emailAddress } from '#validators/rules'

/** Password rules shared by account creation and password change. */
export const newPassword = () => vine.string().minLength(12).maxLength(128)

const accountFields = {
  fullName: typedText().minLength(2).maxLength(120),
  role: vine.enum(ROLES),
  companyId: recordId()
    .exists({ table: 'companies', column: 'id' })
    .optional()
    .requiredWhen('role', '=', 'tenant'),
}

/** A manager creates an account. */
export const createUserValidator = vine.create({
  ...accountFields,
  email: emailAddress().unique({ table: 'users', column: 'email' }),
  password: newPassword(),
})

/** A manager edits an account (the password is the user's own business). */
export const updateUserValidator = vine.withMetaData<{ userId: number }>().create({
  ...accountFields,
  email: emailAddress().unique({
    table: 'users',
    column: 'email',
    filter: (db, _value, field) => {
      db.whereNot('id', field.meta.userId)
    },
  }),
})
