import factory from '@adonisjs/lucid/factories'
import MeetingRoom from '#models/meeting_room'
import { WEEKDAYS_8_TO_19 } from '#domain/opening_hours'

let sequence = 0

/**
 * A room open 08:00–19:00 on weekdays, 30-minute slots, 30 min to 4 h, 60 days ahead,
 * cancelled by tenants up to 2 h before (give it a building).
 */
export const MeetingRoomFactory = factory
  .define(MeetingRoom, () => {
    sequence += 1
    return {
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
    }
  })
  .build()
