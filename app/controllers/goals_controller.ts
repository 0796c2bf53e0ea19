import type { HttpContext } from '@adonisjs/core/http'
import Goal from '#models/goal'
import AuditEvent from '#models/audit_event'
import GoalPolicy from '#policies/goal_policy'
import { goalValidator } from '#validators/goal'
import { GOAL_MEASURES } from '#domain/goals'
import { today } from '#domain/periods'

/**
 * The incubator's goals: managers define them, keep them as history and say which
 * one is current (the one the dashboard follows).
 */
export default class GoalsController {
  /** Every goal, the current one marked. */
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with(GoalPolicy).authorize('manage')
    const [goals, current] = await Promise.all([
      Goal.query().orderBy('starts_on', 'desc').orderBy('id', 'desc'),
      Goal.current(),
    ])
    return view.render('pages/goals/index', { goals, current, today: today() })
  }

  /** The form for a new goal: from today, for three years. */
  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(GoalPolicy).authorize('manage')
    const startsOn = today()
    return view.render('pages/goals/form', {
      goal: null,
      values: { startsOn, endsOn: Goal.defaultEndFor(startsOn), measure: 'jobs_hosted' },
      measures: GOAL_MEASURES,
    })
  }

  /** Records the goal (current at once when asked, or when it is the first). */
  async store(ctx: HttpContext) {
    const { bouncer, request, response, session, i18n } = ctx
    await bouncer.with(GoalPolicy).authorize('manage')
    const { makeCurrent, ...values } = await request.validateUsing(goalValidator)

    await Goal.set(values, makeCurrent ?? false)

    session.flash('success', i18n.t('goals.created'))
    return response.redirect().toRoute('goals.index')
  }

  /** The goal's form, with its history. */
  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(GoalPolicy).authorize('manage')
    const goal = await Goal.findOrFail(params.id)
    const history = await AuditEvent.historyOf(goal)
    return view.render('pages/goals/form', {
      goal,
      values: goal,
      measures: GOAL_MEASURES,
      history,
    })
  }

  /** Saves the new terms and records them. */
  async update(ctx: HttpContext) {
    const { bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(GoalPolicy).authorize('manage')
    const goal = await Goal.findOrFail(params.id)
    const { makeCurrent, ...values } = await request.validateUsing(goalValidator)

    await goal.updateTerms(values, makeCurrent ?? false)

    session.flash('success', i18n.t('goals.updated'))
    return response.redirect().toRoute('goals.index')
  }
}
