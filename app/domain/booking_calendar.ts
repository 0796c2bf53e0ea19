import ical, { ICalEventStatus, ICalCalendarMethod } from 'ical-generator'
import type Booking from '#models/booking'

/** How an event names a booking: by its title for its company, by company for managers. */
export type EventNaming = 'company' | 'manager'

/** A booking's stable identifier in every calendar (feeds and emailed invitations). */
export function bookingUid(booking: Pick<Booking, 'id'>) {
  return `booking-${booking.id}@pepiniere.nouvelle-forge`
}

/**
 * An RFC 5545 calendar of bookings, in UTC: one event per booking with a stable UID
 * and its sequence (bumped on every change); cancelled bookings stay as
 * STATUS:CANCELLED so that subscribed calendars remove them. Bookings must have their
 * meeting room (and, for managers, their company) loaded.
 */
export function bookingsCalendar(
  name: string,
  bookings: Booking[],
  naming: EventNaming,
  method?: 'request' | 'cancel'
) {
  const calendar = ical({
    name,
    prodId: { company: 'Nouvelle Forge', product: 'Pepiniere', language: 'FR' },
    ...(method
      ? { method: method === 'cancel' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST }
      : {}),
  })
  for (const booking of bookings) {
    calendar.createEvent({
      id: bookingUid(booking),
      sequence: booking.sequence,
      start: booking.startsAt.toJSDate(),
      end: booking.endsAt.toJSDate(),
      stamp: (booking.updatedAt ?? booking.createdAt).toJSDate(),
      summary:
        naming === 'manager'
          ? `${booking.company.name} — ${booking.title}`
          : `${booking.title} — ${booking.meetingRoom.name}`,
      location: `${booking.meetingRoom.name}, Nouvelle Forge, Valenciennes`,
      description: `${booking.attendees} participant(s)`,
      status: booking.isConfirmed ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    })
  }
  return calendar.toString()
}
