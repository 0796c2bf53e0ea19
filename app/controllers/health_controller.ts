import { timingSafeEqual } from 'node:crypto'
import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { HealthChecks } from '@adonisjs/core/health'
import { Secret } from '@adonisjs/core/helpers'
import env from '#start/env'

/** Whether the request carries the monitoring token (HEALTH_TOKEN), compared in constant time. */
function carriesToken(authorization: string | undefined) {
  const setting: unknown = env.get('HEALTH_TOKEN')
  const token = setting instanceof Secret ? setting.release() : (setting as string | undefined)
  if (!token || !authorization?.startsWith('Bearer ')) return false
  const given = Buffer.from(authorization.slice('Bearer '.length))
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * For load balancers and monitoring: 200 when healthy, 503 otherwise. Anyone gets the
 * status only; the checks and the process's details (pid, Node.js version, uptime) go to
 * a monitoring tool with the HEALTH_TOKEN, or to a manager logged in.
 */
@inject()
export default class HealthController {
  constructor(protected healthChecks: HealthChecks) {}

  /** Runs the checks (the database's answer is reused for 5 s) and answers with their report. */
  async show({ auth, request, response }: HttpContext) {
    const report = await this.healthChecks.run()
    const status = report.isHealthy ? 200 : 503
    const detailed =
      carriesToken(request.header('authorization')) ||
      ((await auth.check()) && auth.user!.isManager && !auth.user!.isDisabled)
    return response
      .status(status)
      .header('cache-control', 'no-store')
      .json(detailed ? report : { status: report.isHealthy ? 'ok' : 'error' })
  }
}
