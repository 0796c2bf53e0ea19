import { SettingSchema } from '#database/schema'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DateTime } from 'luxon'
import incubator from '#config/incubator'
import { maxStayEndsOn } from '#domain/rent'

/** The rules managers may change, with their defaults. */
const DEFAULTS = {
  max_stay_months: incubator.maxStayMonths,
  booking_quota_minutes: incubator.bookingQuotaMinutes,
}
type SettingKey = keyof typeof DEFAULTS

/**
 * One of the incubator's rules that managers may change (the maximum stay...),
 * stored by key; a missing key means the default of config/incubator.ts.
 */
export default class Setting extends compose(SettingSchema, RevisesData) {
  /** A rule's value as a number, or its default. */
  static async number(key: SettingKey, client?: QueryClientContract) {
    const row = await this.query({ client }).where('key', key).first()
    return row ? Number(row.value) : DEFAULTS[key]
  }

  /** The cap on a company's total stay, in months. */
  static maxStayMonths(client?: QueryClientContract) {
    return this.number('max_stay_months', client)
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

  /** The values worth recording in the audit trail. */
  auditAttributes() {
    return { [this.key]: this.value }
  }
}
