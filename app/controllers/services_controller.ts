import type { HttpContext } from '@adonisjs/core/http'
import Service, { SERVICE_UNITS, VAT_CHOICES } from '#models/service'
import AuditEvent from '#models/audit_event'
import ServicePolicy from '#policies/service_policy'
import { serviceValidator } from '#validators/service'
import { sortByName } from '#helpers/collation'

/**
 * The services catalogue: priced services invoiced on top of the rent (domiciliation,
 * printing, a spare key...), kept by the managers; archived when no longer offered.
 */
export default class ServicesController {
  /** The services offered, then the archived ones, by name. */
  async index({ bouncer, view }: HttpContext) {
    await bouncer.with(ServicePolicy).authorize('manage')
    const services = sortByName(await Service.all(), (service) => service.name)
    return view.render('pages/services/index', {
      offered: services.filter((service) => !service.isArchived),
      archived: services.filter((service) => service.isArchived),
    })
  }

  /** The form for a new service: a piece at 20 % VAT. */
  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(ServicePolicy).authorize('manage')
    return view.render('pages/services/form', { service: null, ...this.#choices() })
  }

  /** Adds the service to the catalogue. */
  async store(ctx: HttpContext) {
    const { bouncer, request, response, session, i18n } = ctx
    await bouncer.with(ServicePolicy).authorize('manage')
    const values = await request.validateUsing(serviceValidator)

    const service = await Service.add(this.#terms(values))

    session.flash('success', i18n.t('services.created', { name: service.name }))
    return response.redirect().toRoute('services.index')
  }

  /** The service's form, with its history. */
  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(ServicePolicy).authorize('manage')
    const service = await Service.findOrFail(params.id)
    const history = await AuditEvent.historyOf(service)
    return view.render('pages/services/form', { service, history, ...this.#choices() })
  }

  /** Saves the new terms and records them. */
  async update(ctx: HttpContext) {
    const { bouncer, params, request, response, session, i18n } = ctx
    await bouncer.with(ServicePolicy).authorize('manage')
    const service = await Service.findOrFail(params.id)
    const values = await request.validateUsing(serviceValidator)

    await service.updateTerms(this.#terms(values))

    session.flash('success', i18n.t('services.updated', { name: service.name }))
    return response.redirect().toRoute('services.index')
  }

  /** The units and VAT choices the form offers. */
  #choices() {
    return { units: Object.keys(SERVICE_UNITS), vatChoices: Object.keys(VAT_CHOICES) }
  }

  /** The validated form as the model's terms (cleared fields as null). */
  #terms(values: Awaited<ReturnType<typeof serviceValidator.validate>>) {
    return {
      name: values.name,
      description: values.description ?? null,
      unit: values.unit,
      unitPriceCents: values.unitPrice,
      vat: values.vat,
      vatExemptionReason: values.vatExemptionReason ?? null,
    }
  }
}
