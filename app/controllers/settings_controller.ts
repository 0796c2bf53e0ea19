import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import Setting from '#models/setting'
import AuditEvent from '#models/audit_event'
import SettingPolicy from '#policies/setting_policy'
import { updateSettingsValidator } from '#validators/setting'

/**
 * The incubator's rules that managers may change: the maximum stay.
 */
export default class SettingsController {
  /** The settings form, with the history of changes. */
  async edit({ bouncer, view }: HttpContext) {
    await bouncer.with(SettingPolicy).authorize('edit')
    const setting = await Setting.forKey('max_stay_months')
    const history = await AuditEvent.historyOf(setting)
    return view.render('pages/settings/edit', { maxStayMonths: Number(setting.value), history })
  }

  /** Saves the settings and records the change. */
  async update(ctx: HttpContext) {
    const { bouncer, request, response, session, i18n } = ctx
    await bouncer.with(SettingPolicy).authorize('edit')
    const { maxStayMonths } = await request.validateUsing(updateSettingsValidator)

    await db.transaction(async (trx) => {
      const setting = await Setting.forKey('max_stay_months', trx)
      await AuditEvent.change(ctx, 'setting.updated', setting, trx, () => {
        setting.value = String(maxStayMonths)
      })
    })

    session.flash('success', i18n.t('settings.saved'))
    return response.redirect().toRoute('settings.edit')
  }
}
