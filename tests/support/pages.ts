import { strict as assert } from 'node:assert'
import type { ApiResponse } from '@japa/api-client'
import { visibleText } from '#tests/support/html'

/** An answer of the in-process client, or of a Visitor talking to a running instance. */
type Answer = ApiResponse | { status: number; text: string }

/**
 * The answer is the intended page: 200, and its main heading (h1) holds the given text.
 * What makes a "not included" check next to it prove something: an error page (403, 404,
 * 500) would pass that check too.
 */
export function assertPage(answer: Answer, heading: string) {
  const status = typeof answer.status === 'function' ? answer.status() : answer.status
  const html = typeof answer.text === 'function' ? answer.text() : answer.text
  assert.equal(status, 200, `expected the page "${heading}" (200), got ${status}`)
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]
  const shown = h1 === undefined ? null : visibleText(h1).trim()
  assert.ok(
    shown?.includes(heading),
    `expected the page whose heading holds "${heading}", got ${JSON.stringify(shown)}`
  )
}
