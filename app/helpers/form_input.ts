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

/** The longest text kept from an address's query for a form coming back (a URL is short). */
const KEPT_LENGTH = 255

/**
 * A value typed into a form that came back through its address (a GET submit): a text,
 * cut to a sane length; anything else the query parser made of it (an object) is dropped.
 */
export function typedValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, KEPT_LENGTH) : undefined
}

/** A list typed into a form that came back through its address (checkboxes, steps): its texts. */
export function typedList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined
  const list = Array.isArray(value) ? value : [value]
  return list.filter((item) => typeof item === 'string').map((item) => item.slice(0, KEPT_LENGTH))
}

/**
 * A form checked through its address (a GET submit, such as the agreement form's check of
 * the cells) sends its CSRF token along: the same path and query without it, for a redirect
 * that keeps the token out of the address bar and the browser's history; null without one.
 */
export function pathWithoutToken(pathname: string, query: string | undefined | null) {
  const params = new URLSearchParams(query ?? '')
  if (!params.has('_csrf')) return null
  params.delete('_csrf')
  const rest = params.toString()
  return rest ? `${pathname}?${rest}` : pathname
}
