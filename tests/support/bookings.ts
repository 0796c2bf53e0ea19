import { DateTime } from 'luxon'
import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'
import MeetingRoom from '#models/meeting_room'
import Company from '#models/company'
import Booking from '#models/booking'
import { createBuilding, createUser } from '#tests/support/fixtures'
import { localTime, toLocal } from '#domain/local_time'
import { WEEKDAYS_8_TO_19 } from '#domain/opening_hours'

let sequence = 0

/** A room open 08:00–19:00 on weekdays, 30-minute slots, 30 min to 4 h, 60 days ahead. */
export async function createRoom(overrides: Partial<MeetingRoom> = {}) {
  sequence += 1
  const building = await createBuilding()
  return MeetingRoom.create({
    buildingId: building.id,
    name: `Salle ${sequence}`,
    capacity: 8,
    areaSqm: 20,
    openingHours: WEEKDAYS_8_TO_19,
    slotMinutes: 30,
    minMinutes: 30,
    maxMinutes: 240,
    advanceDays: 60,
    cancellationCutoffMinutes: 120,
    tenantsMayBook: true,
    ...overrides,
  })
}

/** A hosted company with a tenant account. */
export async function hostedTenant(name = 'Réservante') {
  sequence += 1
  const company = await Company.create({
    name: `${name} ${sequence}`,
    sector: 'software',
    status: 'hosted',
  })
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
