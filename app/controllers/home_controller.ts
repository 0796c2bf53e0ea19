import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import Building from '#models/building'
import { DateTime } from 'luxon'
import { missingPeriods } from '#domain/missing_declarations'
import { parseDay, today } from '#domain/periods'
import { cellStatesOn, occupancyOf } from '#domain/occupancy'
import Cell from '#models/cell'
import Agreement from '#models/agreement'
import Declaration from '#models/declaration'
import Booking from '#models/booking'
import Company from '#models/company'
import { columnDay, sqlDateTime } from '#helpers/sql_dates'

/** How many of the company's next bookings the tenant's home lists. */
const NEXT_BOOKINGS = 5

/**
 * What a tenant comes for, about its own company only: its next bookings, the room hours
 * left this month and next, the declarations to make, its cells and when its agreement
 * ends. Six queries, whatever the company's history.
 */
async function tenantOverview(companyId: number) {
  const company = await Company.findOrFail(companyId)
  const on = today()
  const [bookings, quota, declarations, agreements] = await Promise.all([
    Booking.query()
      .withScopes((scopes) => scopes.confirmed())
      .where('company_id', company.id)
      .where('ends_at', '>=', sqlDateTime(DateTime.utc()))
      .preload('meetingRoom', (room) => room.select('id', 'name'))
      .orderBy('starts_at')
      .limit(NEXT_BOOKINGS),
    company.quotaMonths(),
    db.from('declarations').where('company_id', company.id).select('kind', 'period_on as periodOn'),
    Agreement.withCompanyAndCells(
      Agreement.holdingOnOrAfter(on)
        .where('company_id', company.id)
        .whereNot('status', 'draft')
        .orderBy('starts_on')
    ),
  ])
  const missing = missingPeriods(
    company,
    declarations.map((row) => ({ kind: row.kind, periodOn: columnDay(row.periodOn) })),
    on
  )
  return { company, on, bookings, quota, missing, agreements }
}

/**
 * The page each role lands on after logging in.
 */
export default class HomeController {
  /** Renders the home page made for the user's role (managers: one building's plan). */
  async show({ auth, request, view }: HttpContext) {
    const user = auth.getUserOrFail()
    const building = await Building.asked(request.input('building'))

    if (user.isTenant) {
      const overview = user.companyId ? await tenantOverview(user.companyId) : null
      return view.render('pages/home/tenant', { building, overview })
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
