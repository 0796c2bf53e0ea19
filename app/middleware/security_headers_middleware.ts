import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Headers Shield does not set, on every answer (error pages and assets included): the
 * address of a page is never sent to another site (calendar feeds carry a secret in
 * theirs), and the browser's powerful features are off for the app and anything it embeds.
 */
const HEADERS = {
  'referrer-policy': 'same-origin',
  'permissions-policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()',
  'cross-origin-opener-policy': 'same-origin',
}

export default class SecurityHeadersMiddleware {
  handle({ response }: HttpContext, next: NextFn) {
    for (const [name, value] of Object.entries(HEADERS)) response.header(name, value)
    return next()
  }
}
