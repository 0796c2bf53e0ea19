import type { DateTime } from 'luxon'
import { spansOverlap } from '#domain/overlap'

/** A closure as the rules see it: its building, a room of it (none: every room) and a span. */
export type ClosureSpan = {
  buildingId: number
  meetingRoomId: number | null
  startsAt: DateTime
  endsAt: DateTime
  reason: string
}

/** A room as the closures see it: itself and its building. */
export type ClosedRoom = { id: number; buildingId: number }

/** Whether a closure closes a room: the room's own, or one of the whole building it is in. */
export function closureCloses(closure: ClosureSpan, room: ClosedRoom) {
  return closure.meetingRoomId === null
    ? closure.buildingId === room.buildingId
    : closure.meetingRoomId === room.id
}

/** The first closure that covers part of a booking of a room (its own or its building's). */
export function closureCovering<Closure extends ClosureSpan>(
  closures: Closure[],
  room: ClosedRoom,
  span: { startsAt: DateTime; endsAt: DateTime }
) {
  return (
    closures.find((closure) => closureCloses(closure, room) && spansOverlap(closure, span)) ?? null
  )
}
