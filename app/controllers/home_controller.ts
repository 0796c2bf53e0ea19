import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import Building from '#models/building'
import { missingPeriods } from '#domain/missing_declarations'
import { parseDay, today } from '#domain/periods'
import { cellStatesOn, occupancyOf } from '#domain/occupancy'
import Cell from '#models/cell'
import Agreement from '#models/agreement'
import Declaration from '#models/declaration'

/**
 * The page each role lands on after logging in.
 */
export default class HomeController {
  /** Renders the home page made for the user's role (managers: one building's plan). */
  async show({ auth, request, view }: HttpContext) {
    const user = auth.getUserOrFail()
    const building = await Building.asked(request.input('building'))

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
    const [cells, agreements, deadlines, buildings, pendingDeclarations] = await Promise.all([
      Cell.ofBuilding(building?.id ?? 0),
      Agreement.withCompanyAndCells(
        Agreement.holdingOnOrAfter(on).withScopes((scopes) => scopes.inBuilding(building?.id ?? 0))
      ),
      Agreement.deadlinesOn(today(), building?.id),
      Building.choices(),
      Declaration.awaitingValidationCount(),
    ])
    const plan = cellStatesOn(cells, agreements, on)
    const floors = [...new Set(cells.map((cell) => cell.floor))].map((floor) => ({
      floor,
      cells: plan.filter((entry) => entry.cell.floor === floor),
    }))
    return view.render('pages/home/manager', {
      building,
      buildings,
      accounts,
      deadlines,
      pendingDeclarations,
      on,
      floors,
      occupancy: occupancyOf(plan),
    })
  }
}
