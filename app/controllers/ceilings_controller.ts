import type { HttpContext } from '@adonisjs/core/http'

/**
 * The benchmark's ceiling (BENCH=true only): a logged-in page's middleware and
 * nothing else, so that every page's throughput can be given as a share of it.
 */
export default class CeilingsController {
  /** Answers at once. */
  async show({ response }: HttpContext) {
    return response.send('ok')
  }
}
