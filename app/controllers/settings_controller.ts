import type { HttpContext } from '@adonisjs/core/http'
import Setting from '#models/setting'
import AuditEvent from '#models/audit_event'
import SettingPolicy from '#policies/setting_policy'
import { updateSettingsValidator } from '#validators/setting'

/**
 * The incubator's rules that managers may change: the maximum stay, the booking quota,
 * whether managers must sign in with a second factor, whether tenants may invite colleagues,
 * and the billing rules (à échoir or à terme échu, the price of room hours beyond the quota,
 * the days to pay an invoice).
 */
export default class SettingsController {
  /** The settings form, with the history of changes. */
  async edit({ bouncer, view }: HttpContext) {
    await bouncer.with(SettingPolicy).authorize('edit')
    const [setting, quota, twoFactor, invite, inAdvance, roomHourPrice, daysToPay] = [
      await Setting.forKey('max_stay_months'),
      await Setting.forKey('booking_quota_minutes'),
      await Setting.forKey('managers_two_factor_required'),
      await Setting.forKey('tenants_may_invite'),
      await Setting.forKey('billing_in_advance'),
      await Setting.forKey('room_hour_price_cents'),
      await Setting.forKey('invoice_days_to_pay'),
    ]
    const histories = await Promise.all(
      [setting, quota, twoFactor, invite, inAdvance, roomHourPrice, daysToPay].map((row) =>
        AuditEvent.historyOf(row)
      )
    )
    const history = histories.flat().sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis())
    return view.render('pages/settings/edit', {
      maxStayMonths: Number(setting.value),
      bookingQuotaHours: Number(quota.value) / 60,
      managersTwoFactor: twoFactor.value === '1',
      tenantsMayInvite: invite.value !== '0',
      billing: inAdvance.value === '0' ? 'arrears' : 'advance',
      roomHourPriceCents: Number(roomHourPrice.value),
      invoiceDaysToPay: Number(daysToPay.value),
      history,
    })
  }

  /** Saves the settings and records the change. */
  async update(ctx: HttpContext) {
    const { bouncer, request, response, session, i18n } = ctx
    await bouncer.with(SettingPolicy).authorize('edit')
    const {
      maxStayMonths,
      bookingQuotaHours,
      managersTwoFactor,
      tenantsMayInvite,
      billing,
      roomHourPrice,
      invoiceDaysToPay,
    } = await request.validateUsing(updateSettingsValidator)

    await Setting.change({
      max_stay_months: maxStayMonths,
      booking_quota_minutes: Math.round(bookingQuotaHours * 60),
      managers_two_factor_required: managersTwoFactor ? 1 : 0,
      tenants_may_invite: tenantsMayInvite ? 1 : 0,
      billing_in_advance: billing === 'advance' ? 1 : 0,
      room_hour_price_cents: roomHourPrice,
      invoice_days_to_pay: invoiceDaysToPay,
    })

    session.flash('success', i18n.t('settings.saved'))
    return response.redirect().toRoute('settings.edit')
  }
}
