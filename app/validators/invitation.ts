import vine from '@vinejs/vine'
import { ROLES } from '#models/user'
import { emailAddress, recordId, typedText } from '#validators/rules'
import { newPassword } from '#validators/user'

/** The name proposed to the person (they may change it when they accept). */
const proposedName = () => typedText().maxLength(120).optional()

/** A manager invites a person with any role (a company for a tenant). */
export const managerInvitationValidator = vine.create({
  email: emailAddress(),
  fullName: proposedName(),
  role: vine.enum(ROLES),
  companyId: recordId()
    .exists({ table: 'companies', column: 'id' })
    .optional()
    .requiredWhen('role', '=', 'tenant'),
})

/** A tenant invites a colleague: only the address and a name (role and company are theirs). */
export const colleagueInvitationValidator = vine.create({
  email: emailAddress(),
  fullName: proposedName(),
})

/** The invited person chooses their name and password. */
export const invitationAcceptanceValidator = vine.create({
  fullName: typedText().minLength(2).maxLength(120),
  password: newPassword().confirmed({ confirmationField: 'passwordConfirmation' }),
})
