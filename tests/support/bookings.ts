import { DateTime } from 'luxon'
import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'
import type MeetingRoom from '#models/meeting_room'
import { MeetingRoomFactory } from '#database/factories/meeting_room_factory'
import { CompanyFactory } from '#database/factories/company_factory'
import Booking from '#models/booking'
import { createBuilding, createUser } from '#tests/support/fixtures'
import { localTime, toLocal } from '#domain/local_time'

let sequence = 0

/** A room open 08:00–19:00 on weekdays, 30-minute slots, 30 min to 4 h, 60 days ahead. */
export async function createRoom(overrides: Partial<MeetingRoom> = {}) {
  sequence += 1
  const building = await createBuilding()
  return MeetingRoomFactory.merge({
    buildingId: building.id,
    name: `Salle ${sequence}`,
    ...overrides,
  }).create()
}

/** A hosted company with a tenant account. */
export async function hostedTenant(name = 'Réservante') {
  sequence += 1
  const company = await CompanyFactory.apply('hosted')
    .merge({ name: `${name} ${sequence}` })
    .create()
  const tenant = await createUser('tenant', { companyId: company.id })
  return { company, tenant }
}

/** The Monday of next week (Paris), as YYYY-MM-DD: always ahead, within 60 days. */
export function nextMonday(weeksAhead = 1) {
  return toLocal(DateTime.utc()).startOf('week').plus({ weeks: weeksAhead }).toISODate()!
}

/** A booking written directly with its slots (to set up a situation, rules aside). */
export async function bookDirectly(
  room: MeetingRoom,
  companyId: number,
  date: string,
  start: string,
  end: string,
  title = 'Réunion'
) {
  const booking = await Booking.create({
    meetingRoomId: room.id,
    companyId,
    title,
    attendees: 2,
    startsAt: localTime(date, start).instant!,
    endsAt: localTime(date, end).instant!,
    status: 'confirmed',
  })
  const { default: db } = await import('@adonisjs/lucid/services/db')
  await db.transaction((trx) => booking.holdSlots(trx))
  return booking
}

/** The booking form sent by a user from the booking page (CSRF token included, not followed). */
export function postBooking(client: ApiClient, user: User, form: Record<string, string>) {
  return client
    .post('/bookings')
    .loginAs(user)
    .header('referer', '/bookings/create')
    .form(form)
    .withCsrfToken()
    .redirects(0)
}
