import type { HttpContext } from '@adonisjs/core/http'

/**
 * Fields never sent back into a form nor kept in the session (which lives on the server):
 * passwords, and the framework's own fields.
 */
export const UNKEPT_FIELDS = [
  '_csrf',
  '_method',
  'password',
  'passwordConfirmation',
  'password_confirmation',
  'currentPassword',
]

/** Keeps what the user typed for the form coming back, secrets left out. */
export function keepInput(session: HttpContext['session']) {
  session.flashExcept(UNKEPT_FIELDS)
}
