import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import Building from '#models/building'
import { upcomingDeadlines } from '#domain/upcoming'
import { missingPeriods } from '#domain/missing_declarations'
import { parseDay, today } from '#domain/periods'
import { cellStatesOn, occupancyOf } from '#domain/occupancy'
import Cell from '#models/cell'
import Agreement from '#models/agreement'

/**
 * The page each role lands on after logging in.
 */
export default class HomeController {
  /** Renders the home page made for the user's role. */
  async show({ auth, request, view }: HttpContext) {
    const user = auth.getUserOrFail()
    const building = await Building.query()
      .withCount('cells')
      .withCount('meetingRooms')
      .withAggregate('cells', (query) => query.sum('area_sqm').as('cellsArea'))
      .first()

    if (user.isTenant) {
      await user.load('company', (query) => query.preload('declarations'))
      const company = user.company
      const missing = company ? missingPeriods(company, company.declarations, today()).length : 0
      return view.render('pages/home/tenant', { building, company, missing })
    }

    if (user.isOfficial) {
      return view.render('pages/home/official', { building })
    }

    const [accounts] = await db
      .from('users')
      .select(db.raw('count(*) as total'), db.raw('count(disabled_at) as disabled'))
    const on = parseDay(request.input('on')) ?? today()
    const [cells, agreements, due] = await Promise.all([
      Cell.query().orderBy('floor').orderBy('code'),
      Agreement.holdingOnOrAfter(on),
      upcomingDeadlines(today()),
    ])
    const plan = cellStatesOn(cells, agreements, on)
    const floors = [...new Set(cells.map((cell) => cell.floor))].map((floor) => ({
      floor,
      cells: plan.filter((entry) => entry.cell.floor === floor),
    }))
    return view.render('pages/home/manager', {
      building,
      accounts,
      due,
      on,
      floors,
      occupancy: occupancyOf(plan),
    })
  }
}
