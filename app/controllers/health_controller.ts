import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { HealthChecks } from '@adonisjs/core/health'

/**
 * A small JSON report for load balancers and monitoring, with a live
 * database check: 200 when healthy, 503 otherwise.
 */
@inject()
export default class HealthController {
  constructor(protected healthChecks: HealthChecks) {}

  /** Runs the checks and answers with their report. */
  async show({ response }: HttpContext) {
    const report = await this.healthChecks.run()
    return response.status(report.isHealthy ? 200 : 503).json(report)
  }
}
