import type { HttpContext } from '@adonisjs/core/http'
import Goal from '#models/goal'
import DashboardPolicy from '#policies/dashboard_policy'
import { dashboardAsked } from '#models/dashboard'
import { today } from '#domain/periods'

/**
 * Employment and occupancy at a glance, for officials and managers, on any day
 * since the incubator opened.
 */
export default class DashboardsController {
  /** The dashboard for the day and goal asked (today and the current goal by default). */
  async show({ bouncer, request, view }: HttpContext) {
    await bouncer.with(DashboardPolicy).authorize('view')
    const [dashboard, goals] = await Promise.all([
      dashboardAsked(request.qs()),
      Goal.query().orderBy('starts_on', 'desc'),
    ])
    return view.render('pages/dashboard/show', {
      dashboard,
      goals,
      today: today(),
      traceable: await bouncer.with(DashboardPolicy).allows('traceToDeclarations'),
    })
  }
}
