import type { HttpContext } from '@adonisjs/core/http'
import Goal from '#models/goal'
import GoalPolicy from '#policies/goal_policy'

/**
 * Which goal is current: the dashboard follows it; the others stay as history.
 */
export default class CurrentController {
  /** Makes a goal the current one. */
  async store(ctx: HttpContext) {
    const { bouncer, params, response, session, i18n } = ctx
    await bouncer.with(GoalPolicy).authorize('manage')
    const goal = await Goal.findOrFail(params.id)

    await goal.makeCurrent()

    session.flash('success', i18n.t('goals.made_current', { name: goal.name }))
    return response.redirect().toRoute('goals.index')
  }
}
