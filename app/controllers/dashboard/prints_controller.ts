import type { HttpContext } from '@adonisjs/core/http'
import DashboardPolicy from '#policies/dashboard_policy'
import { dashboardAsked } from '#models/dashboard'

/**
 * The dashboard laid out for A4 paper, to bring to a council meeting.
 */
export default class PrintsController {
  /** The print view for the day and goal asked. */
  async show({ bouncer, request, view }: HttpContext) {
    await bouncer.with(DashboardPolicy).authorize('view')
    const dashboard = await dashboardAsked(request.qs())
    return view.render('pages/dashboard/print', { dashboard })
  }
}
