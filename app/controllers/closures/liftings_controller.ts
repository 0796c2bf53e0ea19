import type { HttpContext } from '@adonisjs/core/http'
import Closure from '#models/closure'
import ClosurePolicy from '#policies/closure_policy'

/** Lifting a closure: the room (or the building) may be booked again; the closure stays in history. */
export default class LiftingsController {
  /**
   * The second thought before lifting (a page, so that it works without JavaScript): the
   * closure, and that it cannot be put back, only made again; its form posts to store.
   */
  async create({ bouncer, params, view }: HttpContext) {
    await bouncer.with(ClosurePolicy).authorize('manage')
    const closure = await Closure.query()
      .where('id', params.id)
      .preload('meetingRoom')
      .preload('building')
      .firstOrFail()
    await bouncer.with(ClosurePolicy).authorize('lift', closure)
    return view.render('pages/closures/liftings/create', { closure })
  }

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
