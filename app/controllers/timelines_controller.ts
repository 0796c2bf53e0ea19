import type { HttpContext } from '@adonisjs/core/http'
import Agreement from '#models/agreement'
import Cell from '#models/cell'
import Building from '#models/building'
import TimelinePolicy from '#policies/timeline_policy'
import { monthsFrom, timelineRows } from '#domain/timeline'
import { parseMonth, today } from '#domain/periods'

/** How many months the timeline shows at once. */
const MONTHS = 24

/**
 * The allocation timeline: each cell's agreements and free gaps, month by month,
 * over the next 24 months (and further back or ahead, a year at a time).
 */
export default class TimelinesController {
  /** One building's timeline from the month asked for (YYYY-MM), else the current month. */
  async show({ bouncer, request, view }: HttpContext) {
    await bouncer.with(TimelinePolicy).authorize('view')
    const start = parseMonth(request.input('from')) ?? today()
    const months = monthsFrom(start, MONTHS)
    const windowEnd = months[months.length - 1].endOf('month').startOf('day')

    const building = await Building.asked(request.input('building'))
    const buildingId = building?.id ?? 0
    const [cells, agreements, buildings] = await Promise.all([
      Cell.ofBuilding(buildingId),
      Agreement.withCompanyAndCells(
        Agreement.holdingDuring({ startsOn: months[0], endsOn: windowEnd }).withScopes((scopes) =>
          scopes.inBuilding(buildingId)
        )
      ),
      Building.choices(),
    ])
    return view.render('pages/timeline/show', {
      building,
      buildings,
      months,
      rows: timelineRows(cells, agreements, months),
      previous: months[0].minus({ months: 12 }).toFormat('yyyy-MM'),
      next: months[0].plus({ months: 12 }).toFormat('yyyy-MM'),
    })
  }
}
