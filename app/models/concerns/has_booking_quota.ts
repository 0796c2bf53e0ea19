import { DateTime } from 'luxon'
import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import type { BaseModel } from '@adonisjs/lucid/orm'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import Setting from '#models/setting'
import { LOCAL_ZONE } from '#domain/local_time'
import { assertWithinQuota, minutesLeft } from '#domain/quota'
import Booking from '#models/booking'

/** The length of a booking in minutes, in the database's SQL. */
function minutesSql(connection: { dialect: { name: string } }) {
  return connection.dialect.name === 'mysql'
    ? 'timestampdiff(minute, starts_at, ends_at)'
    : "(strftime('%s', ends_at) - strftime('%s', starts_at)) / 60"
}

/**
 * The minutes every company booked (confirmed bookings) in the Paris calendar month of a day,
 * by company id: one grouped query, for the month's billing run.
 */
export async function minutesBookedByCompanyInMonth(day: DateTime, client?: QueryClientContract) {
  const month = day.setZone(LOCAL_ZONE).startOf('month')
  const connection = client ?? db.connection()
  const rows = await Booking.query({ client })
    .withScopes((scopes) => {
      scopes.confirmed()
      scopes.startingBetween(month, month.plus({ months: 1 }))
    })
    .groupBy('company_id')
    .select('company_id', connection.raw(`coalesce(sum(${minutesSql(connection)}), 0) as minutes`))
    .pojo<{ company_id: number; minutes: number | string }>()
  return new Map(rows.map((row) => [Number(row.company_id), Number(row.minutes)]))
}

/**
 * A company's monthly quota of meeting room time (app/domain/quota.ts): its own, else the
 * incubator's, and the minutes its confirmed bookings take in a Paris month.
 */
export function HasBookingQuota<Model extends NormalizeConstructor<typeof BaseModel>>(
  superclass: Model
) {
  class CompanyWithQuota extends superclass {
    declare id: number
    declare bookingQuotaMinutes: number | null

    /** The monthly quota in minutes: the company's own, else the incubator's. */
    async quotaMinutes(client?: TransactionClientContract) {
      return this.bookingQuotaMinutes ?? (await Setting.number('booking_quota_minutes', client))
    }

    /**
     * The minutes booked in the Paris calendar month of a day (confirmed bookings), leaving
     * one booking out when it is being changed: summed by the database, one row whatever
     * the number of bookings.
     */
    async minutesBookedInMonth(
      day: DateTime,
      client?: TransactionClientContract,
      exceptId?: number
    ) {
      const month = day.setZone(LOCAL_ZONE).startOf('month')
      const connection = client ?? db.connection()
      const minutes = minutesSql(connection)
      const query = Booking.query({ client })
        .withScopes((scopes) => {
          scopes.confirmed()
          scopes.startingBetween(month, month.plus({ months: 1 }))
        })
        .where('company_id', this.id)
        .if(exceptId, (booked) => booked.whereNot('id', exceptId!))
        .select(connection.raw(`coalesce(sum(${minutes}), 0) as minutes`))
        .pojo<{ minutes: number | string }>()
      const [row] = await query
      return Number(row.minutes)
    }

    /**
     * Refuses a span beyond the month's quota (the caller has locked the company's row, so
     * two of its people booking at once cannot both take the last hours).
     */
    async assertRoomTimeLeft(
      span: { startsAt: DateTime; endsAt: DateTime },
      client: TransactionClientContract,
      exceptId?: number
    ) {
      const quota = await this.quotaMinutes(client)
      const booked = await this.minutesBookedInMonth(span.startsAt, client, exceptId)
      assertWithinQuota(quota, booked, span.endsAt.diff(span.startsAt, 'minutes').minutes)
    }

    /** What it has booked and may still book this month and next (Paris months), in minutes. */
    async quotaMonths() {
      const quota = await this.quotaMinutes()
      const thisMonth = DateTime.now().setZone(LOCAL_ZONE).startOf('month')
      return Promise.all(
        [thisMonth, thisMonth.plus({ months: 1 })].map(async (month) => {
          const booked = await this.minutesBookedInMonth(month)
          return { month, quota, booked, left: minutesLeft(quota, booked) }
        })
      )
    }
  }
  return CompanyWithQuota
}
