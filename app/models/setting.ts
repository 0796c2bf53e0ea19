import { SettingSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { Audited } from '#models/concerns/audited'
import DataRevision from '#models/data_revision'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DateTime } from 'luxon'
import incubator from '#config/incubator'
import { maxStayEndsOn } from '#domain/stay_limit'
import app from '@adonisjs/core/services/app'

/**
 * The rules managers may change, with their defaults. Managers must sign in with a second
 * factor (1) by default in production only: the demo and the tests sign in with a password.
 */
const DEFAULTS = {
  max_stay_months: incubator.maxStayMonths,
  booking_quota_minutes: incubator.bookingQuotaMinutes,
  managers_two_factor_required: app.inProduction ? 1 : 0,
  /** Whether tenants may invite colleagues of their own company (1) or not (0). */
  tenants_may_invite: 1,
  /** Billing: in advance, the month to come (1, à échoir), or in arrears, the month past (0, à terme échu). */
  billing_in_advance: 1,
  /** Billing: the price of an hour of meeting room beyond a company's quota, in cents (0: free). */
  room_hour_price_cents: 0,
  /** Billing: the days an invoice gives to pay, from its issue. */
  invoice_days_to_pay: 30,
}
export type SettingKey = keyof typeof DEFAULTS

/**
 * One of the incubator's rules that managers may change (the maximum stay...),
 * stored by key; a missing key means the default of config/incubator.ts.
 */
export default class Setting extends compose(SettingSchema, RevisesData, Audited) {
  /** A rule's value as a number, or its default. */
  static async number(key: SettingKey, client?: QueryClientContract) {
    const row = await this.query({ client }).where('key', key).first()
    return row ? Number(row.value) : DEFAULTS[key]
  }

  /** The cap on a company's total stay, in months. */
  static maxStayMonths(client?: QueryClientContract) {
    return this.number('max_stay_months', client)
  }

  /** Whether managers must sign in with a second factor (they enrol before anything else). */
  static async managersTwoFactorRequired(client?: QueryClientContract) {
    return (await this.number('managers_two_factor_required', client)) === 1
  }

  /** Whether tenants may invite colleagues of their own company. */
  static async tenantsMayInvite(client?: QueryClientContract) {
    return (await this.number('tenants_may_invite', client)) !== 0
  }

  /** The last day a company that entered on a day may stay, under the current maximum stay. */
  static async stayLimitFor(enteredOn: DateTime, client?: QueryClientContract) {
    const months = await this.maxStayMonths(client)
    return { months, limit: maxStayEndsOn(enteredOn, months) }
  }

  /** The row holding a rule, created with its default when missing. */
  static forKey(key: SettingKey, client?: QueryClientContract) {
    return this.firstOrCreate({ key }, { key, value: String(DEFAULTS[key]) }, { client })
  }

  /** Changes rules: each one whose value changes is recorded on its own. */
  static async change(
    values: Partial<Record<SettingKey, number>>,
    trx?: TransactionClientContract
  ) {
    await DataRevision.within(trx, async (client) => {
      for (const [key, value] of Object.entries(values)) {
        const setting = await this.forKey(key as SettingKey, client)
        if (setting.value === String(value)) continue
        await setting.changeAs(
          'setting.updated',
          (row) => {
            row.value = String(value)
          },
          client
        )
      }
    })
  }

  /** The values worth recording in the audit trail. */
  auditAttributes() {
    return { [this.key]: this.value }
  }
}
