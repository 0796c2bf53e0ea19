import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import Building from '#models/building'
import { upcomingDeadlines } from '#domain/upcoming'
import { today } from '#domain/periods'

/**
 * The page each role lands on after logging in.
 */
export default class HomeController {
  /** Renders the home page made for the user's role. */
  async show({ auth, view }: HttpContext) {
    const user = auth.getUserOrFail()
    const building = await Building.query()
      .withCount('cells')
      .withCount('meetingRooms')
      .withAggregate('cells', (query) => query.sum('area_sqm').as('cellsArea'))
      .first()

    if (user.isTenant) {
      await user.load('company')
      return view.render('pages/home/tenant', { building, company: user.company })
    }

    if (user.isOfficial) {
      return view.render('pages/home/official', { building })
    }

    const [accounts] = await db
      .from('users')
      .select(db.raw('count(*) as total'), db.raw('count(disabled_at) as disabled'))
    const due = await upcomingDeadlines(today())
    return view.render('pages/home/manager', { building, accounts, due })
  }
}
