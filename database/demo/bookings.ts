import type { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Booking from '#models/booking'
import BookingSeries from '#models/booking_series'
import Closure from '#models/closure'
import Company from '#models/company'
import MeetingRoom from '#models/meeting_room'
import { localTime } from '#domain/local_time'
import { DEMO_COMPANY_NAME } from '#database/demo/history'

/** What the demo companies meet about. */
const TITLES = [
  'Point client',
  'Entretien de recrutement',
  'Atelier produit',
  'Rendez-vous banque',
  'Revue de sprint',
  'Comité de pilotage',
]

/**
 * A few weeks of bookings around today (two weeks back, three ahead) by the companies
 * hosted today, deterministic, and a weekly team meeting of the demo tenant's company
 * every Tuesday 10:00–11:00. Each holds its slots like any booking (no overlap).
 */
export async function seedBookings(today: DateTime, trx: TransactionClientContract) {
  const rooms = await MeetingRoom.query({ client: trx }).orderBy('name')
  const companies = await Company.query({ client: trx }).where('status', 'hosted').orderBy('name')
  if (!rooms.length || !companies.length) return
  const demo = companies.find((company) => company.name === DEMO_COMPANY_NAME) ?? companies[0]
  // The demo tenant's company keeps room in its quota to book during a demo.
  const others = companies.filter((company) => company.id !== demo.id)
  if (!others.length) return

  const book = async (
    room: MeetingRoom,
    company: Company,
    date: string,
    start: string,
    end: string,
    title: string,
    seriesId: number | null = null
  ) => {
    const startsAt = localTime(date, start).instant
    const endsAt = localTime(date, end).instant
    if (!startsAt || !endsAt) return
    const booking = await Booking.create(
      {
        meetingRoomId: room.id,
        companyId: company.id,
        title,
        attendees: Math.min(room.capacity, 2 + (title.length % 4)),
        startsAt,
        endsAt,
        status: 'confirmed',
        seriesId,
      },
      { client: trx }
    )
    await booking.holdSlots(trx)
  }

  const monday = today.startOf('week')
  const [large, medium, small] = rooms
  const weekly = await BookingSeries.create(
    {
      meetingRoomId: (medium ?? large).id,
      companyId: demo.id,
      title: 'Réunion d’équipe hebdomadaire',
      firstOn: monday.minus({ weeks: 2 }).plus({ days: 1 }),
      startTime: '10:00',
      endTime: '11:00',
      everyWeeks: 1,
      occurrences: 6,
    },
    { client: trx }
  )
  for (let week = -2; week <= 3; week++) {
    const weekStart = monday.plus({ weeks: week })
    await book(
      medium ?? large,
      demo,
      weekStart.plus({ days: 1 }).toISODate()!,
      '10:00',
      '11:00',
      weekly.title,
      weekly.id
    )
    for (let weekday = 0; weekday < 5; weekday++) {
      const date = weekStart.plus({ days: weekday }).toISODate()!
      const index = (week + 2) * 5 + weekday
      const company = others[index % others.length]
      const other = others[(index + 3) % others.length]
      await book(large, company, date, '09:00', '10:30', TITLES[index % TITLES.length])
      if (weekday % 2 === 0) {
        await book(large, other, date, '14:00', '16:00', TITLES[(index + 1) % TITLES.length])
      }
      if (small) {
        await book(small, other, date, '11:15', '12:00', TITLES[(index + 2) % TITLES.length])
      }
    }
  }

  // The building closes for the year-end holidays; the bookings already made then are
  // listed on the closure's page for the managers to cancel.
  const christmas = today.month === 12 && today.day > 24 ? today.year + 1 : today.year
  await Closure.create(
    {
      buildingId: large.buildingId,
      meetingRoomId: null,
      startsAt: localTime(`${christmas}-12-24`, '00:00').instant!,
      endsAt: localTime(`${christmas + 1}-01-01`, '23:45').instant!,
      reason: 'Fermeture de fin d’année',
    },
    { client: trx }
  )
}
