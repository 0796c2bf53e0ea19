/**
 * Characters nobody types: a NUL, a terminal's escape sequence, a bell... (tab, line feed
 * and carriage return excepted: a text area holds them). Forms refuse them; CSV exports drop
 * those already stored.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g

/** Whether a text holds a control character. */
export function hasControlCharacters(text: string) {
  return text.search(CONTROL_CHARACTERS) !== -1
}

/** A text without its control characters. */
export function withoutControlCharacters(text: string) {
  return text.replace(CONTROL_CHARACTERS, '')
}
