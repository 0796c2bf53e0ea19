import type { HttpContext } from '@adonisjs/core/http'
import Service from '#models/service'
import ServicePolicy from '#policies/service_policy'

/**
 * A service's archive: a service no longer offered leaves the catalogue's choices and
 * keeps its history (invoices cite it); it may be offered again.
 */
export default class ArchivesController {
  /** Archives the service. */
  async store(ctx: HttpContext) {
    return this.#change(ctx, 'archive')
  }

  /** Offers the service again. */
  async destroy(ctx: HttpContext) {
    return this.#change(ctx, 'restore')
  }

  async #change(ctx: HttpContext, change: 'archive' | 'restore') {
    const { bouncer, params, response, session, i18n } = ctx
    await bouncer.with(ServicePolicy).authorize('manage')
    const service = await Service.findOrFail(params.id)

    await service[change]()

    session.flash('success', i18n.t(`services.${change}d`, { name: service.name }))
    return response.redirect().toRoute('services.index')
  }
}
