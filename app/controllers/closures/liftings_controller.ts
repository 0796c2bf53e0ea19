import type { HttpContext } from '@adonisjs/core/http'
import Closure from '#models/closure'
import ClosurePolicy from '#policies/closure_policy'

/** Lifting a closure: the room (or the building) may be booked again; the closure stays in history. */
export default class LiftingsController {
  /** Lifts the closure and records who did it. */
  async store(ctx: HttpContext) {
    const { auth, bouncer, params, response, session, i18n } = ctx
    await bouncer.with(ClosurePolicy).authorize('manage')
    const closure = await Closure.findOrFail(params.id)
    await closure.lift(auth.getUserOrFail())
    session.flash('success', i18n.t('closures.lifted'))
    return response.redirect().toRoute('closures.index')
  }
}
