import type { DateTime } from 'luxon'
import type Booking from '#models/booking'
import type MeetingRoom from '#models/meeting_room'
import { minutesOf } from '#domain/local_time'
import { compareNames } from '#helpers/collation'

/**
 * How much the meeting rooms were used in a month: hours booked per room and per
 * company, and each room's occupancy as a share of its opening hours that month.
 * Confirmed bookings only (no-shows are not tracked). Bookings must have their company.
 */
export function roomUse(month: DateTime, rooms: MeetingRoom[], bookings: Booking[]) {
  const days = Array.from({ length: month.daysInMonth! }, (_, index) =>
    month.startOf('month').plus({ days: index })
  )
  const perRoom = rooms.map((room) => {
    const openMinutes = days.reduce((sum, day) => {
      const hours = room.openingHours[String(day.weekday)]
      return hours ? sum + minutesOf(hours[1]) - minutesOf(hours[0]) : sum
    }, 0)
    const bookedMinutes = bookings
      .filter((booking) => booking.meetingRoomId === room.id)
      .reduce((sum, booking) => sum + booking.minutes, 0)
    return {
      room,
      openMinutes,
      bookedMinutes,
      occupancy: openMinutes ? bookedMinutes / openMinutes : null,
    }
  })

  const companies = new Map<number, { name: string; minutesByRoom: Map<number, number> }>()
  for (const booking of bookings) {
    const entry = companies.get(booking.companyId) ?? {
      name: booking.company.name,
      minutesByRoom: new Map<number, number>(),
    }
    entry.minutesByRoom.set(
      booking.meetingRoomId,
      (entry.minutesByRoom.get(booking.meetingRoomId) ?? 0) + booking.minutes
    )
    companies.set(booking.companyId, entry)
  }
  const perCompany = [...companies.entries()]
    .map(([companyId, entry]) => ({
      companyId,
      name: entry.name,
      minutesByRoom: rooms.map((room) => entry.minutesByRoom.get(room.id) ?? 0),
      totalMinutes: [...entry.minutesByRoom.values()].reduce((sum, minutes) => sum + minutes, 0),
    }))
    .sort((a, b) => b.totalMinutes - a.totalMinutes || compareNames(a.name, b.name))

  return {
    month,
    perRoom,
    perCompany,
    totalMinutes: perRoom.reduce((sum, entry) => sum + entry.bookedMinutes, 0),
  }
}
