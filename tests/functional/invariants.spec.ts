import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import fc from 'fast-check'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import type MeetingRoom from '#models/meeting_room'
import type Cell from '#models/cell'
import { createCompany, createUser } from '#tests/support/fixtures'
import { createRoom, hostedTenant, nextMonday, postBooking } from '#tests/support/bookings'
import { createCell } from '#tests/support/agreements'
import { LOCAL_ZONE } from '#domain/local_time'

/**
 * Property-based tests of two invariants of DOMAIN.md, through the real HTTP routes:
 * random sequences of operations by random roles, the database checked after each step.
 *
 * Each fast-check run works inside a savepoint of the test's global transaction (raw
 * SAVEPOINT / ROLLBACK TO SAVEPOINT: every query of the app goes through that one
 * connection, and a Knex savepoint would make the app's own transactions wait for it
 * to end), so every run starts from the same fixtures.
 */

/**
 * Runs per property (PBT_RUNS=200 to search longer). The agreements' runs are cheaper and
 * their overlaps need longer set-ups (a draft, another after it, a renewal into it).
 */
const RUNS = Number(process.env.PBT_RUNS ?? 40)
const AGREEMENT_RUNS = Number(process.env.PBT_RUNS ?? 60)
/**
 * Up to 15 steps, any length equally likely: a failure then shrinks to the few steps
 * that cause it (a minimum length would keep irrelevant steps in the counterexample).
 */
const STEPS = { minLength: 1, maxLength: 15, size: 'max' } as const
const QUARTER_MS = 15 * 60_000

/** Runs one fast-check run's work, then undoes everything it wrote. */
async function inRunSavepoint<Result>(work: () => Promise<Result>) {
  const trx = await db.beginGlobalTransaction()
  await trx.rawQuery('SAVEPOINT pbt_run')
  try {
    return await work()
  } finally {
    await trx.rawQuery('ROLLBACK TO SAVEPOINT pbt_run')
    await trx.rawQuery('RELEASE SAVEPOINT pbt_run')
  }
}

/** A DATETIME as SQLite (text) or MySQL (a Date, the connection in UTC) returns it, in ms. */
function millis(value: unknown) {
  if (value instanceof Date) return value.getTime()
  const text = String(value)
  const parsed = text.includes('T')
    ? DateTime.fromISO(text, { zone: 'utc' })
    : DateTime.fromSQL(text, { zone: 'utc' })
  if (!parsed.isValid) throw new Error(`unreadable instant ${text}`)
  return parsed.toMillis()
}

/** A DATE as SQLite or MySQL returns it, as YYYY-MM-DD. */
function isoDay(value: unknown) {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value).slice(0, 10)
}

function iso(ms: number) {
  return new Date(ms).toISOString()
}

/** Minutes since midnight as HH:MM (clamped to the day). */
function hhmm(minutes: number) {
  const clamped = Math.max(0, Math.min(23 * 60 + 59, minutes))
  return `${String(Math.floor(clamped / 60)).padStart(2, '0')}:${String(clamped % 60).padStart(2, '0')}`
}

/** A step's response: a page, a redirect or a refusal, never a server error. */
function assertAnswered(status: number, step: string) {
  if (![200, 302, 303, 403, 404].includes(status)) {
    throw new Error(`${step}: answered ${status}`)
  }
}

// ---------------------------------------------------------------------------------------
// 1. A meeting room never carries two confirmed bookings that overlap.
// ---------------------------------------------------------------------------------------

type Span = { day: number; start: number; duration: number }
type BookingOp =
  | { kind: 'book'; actor: number; room: number; company: number; span: Span; override: boolean }
  | {
      kind: 'series'
      actor: number
      room: number
      company: number
      span: Span
      override: boolean
      every: number
      /** A number of sessions, or a last day some weeks later (or one that does not exist). */
      end: { count: number } | { untilWeeks: number } | 'impossible'
      skip: boolean
    }
  | { kind: 'change'; actor: number; target: number; span: Span; override: boolean }
  | { kind: 'cancel'; actor: number; target: number; following: boolean }
  | {
      kind: 'closure'
      room: number
      day: number
      /** Ends that day, the next one, or the day before (refused). */
      endsDays: number
      start: number
      duration: number
      /**
       * Around a confirmed booking (its index), from some quarter hours before or after its
       * start (its room and day, rather than room, day and start), else null.
       */
      around: { booking: number; quarters: number } | null
      cancelInside: boolean
    }
  | { kind: 'lift'; target: number }

/** Quarter hours from 07:00 to 19:45 (some outside opening hours, some off the 30-minute grid). */
const quarterMinute = fc.integer({ min: 7 * 4, max: 20 * 4 - 1 }).map((quarter) => quarter * 15)
/** Any minute of the same hours: 14:05, 13:50… */
const anyMinute = fc.integer({ min: 7 * 60, max: 20 * 60 })
/** Mostly the room's half hours of one busy morning, so that requests often collide. */
const busyMorning = fc.integer({ min: 0, max: 6 }).map((half) => 9 * 60 + half * 30)
/** A few minutes either side of those half hours: 09:05, 10:50… */
const nearBusyMorning = fc
  .tuple(busyMorning, fc.integer({ min: -14, max: 14 }))
  .map(([minutes, shift]) => minutes + shift)
const spanArb: fc.Arbitrary<Span> = fc.record({
  // Next Monday and Tuesday, the Monday after (a series' second week), a Saturday (closed).
  day: fc.oneof(
    { weight: 6, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.constant(1) },
    { weight: 1, arbitrary: fc.constant(2) },
    { weight: 1, arbitrary: fc.constant(3) }
  ),
  start: fc.oneof(
    { weight: 6, arbitrary: busyMorning },
    { weight: 2, arbitrary: quarterMinute },
    { weight: 2, arbitrary: nearBusyMorning },
    { weight: 1, arbitrary: anyMinute }
  ),
  duration: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 4 }).map((halves) => halves * 30) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 16 }).map((quarters) => quarters * 15) },
    { weight: 1, arbitrary: fc.integer({ min: -20, max: 250 }) }
  ),
})
/** 0: the manager; 1–4: tenants (two of the first company, one of each other). */
const actorArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) }
)
const roomArb = fc.integer({ min: 0, max: 1 })
const companyArb = fc.integer({ min: 0, max: 2 })

const bookingOpArb: fc.Arbitrary<BookingOp> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('book' as const),
      actor: actorArb,
      room: roomArb,
      company: companyArb,
      span: spanArb,
      override: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('series' as const),
      actor: actorArb,
      room: roomArb,
      company: companyArb,
      span: spanArb,
      override: fc.boolean(),
      every: fc.integer({ min: 1, max: 2 }),
      end: fc.oneof(
        { weight: 4, arbitrary: fc.record({ count: fc.integer({ min: 2, max: 4 }) }) },
        { weight: 2, arbitrary: fc.record({ untilWeeks: fc.integer({ min: -1, max: 4 }) }) },
        { weight: 1, arbitrary: fc.constant('impossible' as const) }
      ),
      skip: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('change' as const),
      actor: actorArb,
      target: fc.nat(),
      span: spanArb,
      override: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      actor: actorArb,
      target: fc.nat(),
      following: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('closure' as const),
      room: fc.integer({ min: -1, max: 1 }),
      day: fc.oneof(
        { weight: 3, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }
      ),
      endsDays: fc.oneof(
        { weight: 6, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.constantFrom(-1, 1) }
      ),
      // Often from the middle of a booking of the busy morning, catching part of it.
      start: fc.oneof(
        busyMorning,
        busyMorning.map((minutes) => minutes + 15),
        quarterMinute
      ),
      duration: fc.integer({ min: 1, max: 24 }).map((quarters) => quarters * 15),
      around: fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        {
          weight: 3,
          arbitrary: fc.record({ booking: fc.nat(), quarters: fc.integer({ min: -2, max: 3 }) }),
        }
      ),
      cancelInside: fc.oneof(
        { weight: 3, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) }
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('lift' as const), target: fc.nat() }),
  }
)

type BookingRow = {
  id: number
  roomId: number
  companyId: number
  startsAt: number
  endsAt: number
  status: string
}

async function bookingRows(): Promise<BookingRow[]> {
  const rows = await db
    .from('bookings')
    .select('id', 'meeting_room_id', 'company_id', 'starts_at', 'ends_at', 'status')
    .orderBy('id')
  return rows.map((row) => ({
    id: Number(row.id),
    roomId: Number(row.meeting_room_id),
    companyId: Number(row.company_id),
    startsAt: millis(row.starts_at),
    endsAt: millis(row.ends_at),
    status: row.status,
  }))
}

/** What a step may not change when it is refused: every booking and every held slot. */
async function bookingSnapshot() {
  const slots = await db.from('booked_slots').count('* as total')
  return JSON.stringify({ bookings: await bookingRows(), slots: Number(slots[0].total) })
}

/**
 * The invariant, read from the database: no two confirmed bookings of a room overlap,
 * each starts and ends on the quarter hour, each holds exactly the quarter hours it
 * touches in booked_slots (of its own room), and a cancelled one holds none.
 */
async function assertBookingInvariant(step: string) {
  const confirmed = await db.rawQuery(
    "select id, meeting_room_id, starts_at, ends_at from bookings where status = 'confirmed'"
  )
  const confirmedRows: Record<string, unknown>[] =
    db.connection().dialect.name === 'mysql' ? confirmed[0] : confirmed
  const spans = confirmedRows.map((row) => ({
    id: Number(row.id),
    roomId: Number(row.meeting_room_id),
    startsAt: millis(row.starts_at),
    endsAt: millis(row.ends_at),
  }))
  for (const [index, a] of spans.entries()) {
    if (a.startsAt % QUARTER_MS !== 0 || a.endsAt % QUARTER_MS !== 0) {
      throw new Error(`${step}: booking ${a.id} is off the quarter hour (${iso(a.startsAt)})`)
    }
    for (const b of spans.slice(index + 1)) {
      if (a.roomId === b.roomId && a.startsAt < b.endsAt && b.startsAt < a.endsAt) {
        throw new Error(
          `${step}: bookings ${a.id} (${iso(a.startsAt)}–${iso(a.endsAt)}) and ${b.id} ` +
            `(${iso(b.startsAt)}–${iso(b.endsAt)}) overlap in room ${a.roomId}`
        )
      }
    }
  }

  const slots = await db.from('booked_slots').select('meeting_room_id', 'starts_at', 'booking_id')
  const held = new Map<number, string[]>()
  for (const slot of slots) {
    const list = held.get(Number(slot.booking_id)) ?? []
    list.push(`${slot.meeting_room_id}@${iso(millis(slot.starts_at))}`)
    held.set(Number(slot.booking_id), list)
  }
  for (const booking of await bookingRows()) {
    const actual = (held.get(booking.id) ?? []).sort()
    held.delete(booking.id)
    const expected: string[] = []
    if (booking.status === 'confirmed') {
      // Every quarter hour the booking touches, computed here, not by the app's slotStarts.
      const first = Math.floor(booking.startsAt / QUARTER_MS) * QUARTER_MS
      for (let slot = first; slot < booking.endsAt; slot += QUARTER_MS) {
        expected.push(`${booking.roomId}@${iso(slot)}`)
      }
    }
    expected.sort()
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw new Error(
        `${step}: ${booking.status} booking ${booking.id} holds [${actual.join(', ')}], ` +
          `expected [${expected.join(', ')}]`
      )
    }
  }
  if (held.size) throw new Error(`${step}: slots held by no booking: ${[...held.keys()]}`)
}

test.group(
  'Invariants: a meeting room never carries two confirmed bookings that overlap',
  (group) => {
    group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

    test('any sequence of bookings, series, changes, overrides, cancellations and closures', async ({
      client,
    }) => {
      const manager = await createUser('manager')
      const first = await hostedTenant('Alpha')
      const secondTenantOfFirst = await createUser('tenant', { companyId: first.company.id })
      const second = await hostedTenant('Bêta')
      const third = await hostedTenant('Gamma')
      // The first company keeps the default quota (8 h a month): tenants run into it.
      for (const { company } of [second, third]) {
        company.bookingQuotaMinutes = 100 * 60
        await company.save()
      }
      const companies = [first.company, second.company, third.company]
      const actors: User[] = [
        manager,
        first.tenant,
        secondTenantOfFirst,
        second.tenant,
        third.tenant,
      ]
      const rooms: MeetingRoom[] = [await createRoom(), await createRoom()]
      const buildingId = rooms[0].buildingId
      const monday = DateTime.fromISO(nextMonday())
      // Monday and Tuesday of next week, Monday of the week after, and a Saturday (closed).
      const days = [0, 1, 7, 5].map((offset) => monday.plus({ days: offset }).toISODate()!)

      const spanForm = (span: Span) => ({
        date: days[span.day],
        startTime: hhmm(span.start),
        endTime: hhmm(span.start + span.duration),
      })
      const offQuarter = (span: Span) => {
        const form = spanForm(span)
        return [form.startTime, form.endTime].some((time) => Number(time.slice(3)) % 15 !== 0)
      }

      async function run(ops: BookingOp[]) {
        for (const [index, op] of ops.entries()) {
          const step = `step ${index + 1} ${JSON.stringify(op)}`
          const before = await bookingSnapshot()
          const beforeRows = await bookingRows()
          const lastId = Math.max(0, ...beforeRows.map((row) => row.id))
          /** Whether the step must be refused with nothing changed, and with which status. */
          let refused: { status?: number } | null = null
          let status: number

          switch (op.kind) {
            case 'book':
            case 'series': {
              const actor = actors[op.actor]
              const form: Record<string, string> = {
                meetingRoomId: String(rooms[op.room].id),
                companyId: String(companies[op.company].id),
                ...spanForm(op.span),
                title: 'Réunion PBT',
                attendees: '2',
              }
              if (op.override) form.overrideReason = 'Dérogation du directeur'
              if (op.kind === 'series') {
                form.repeatEvery = String(op.every)
                if (op.end === 'impossible') form.repeatUntil = `${monday.year + 1}-02-30`
                else if ('count' in op.end) form.repeatCount = String(op.end.count)
                else {
                  form.repeatUntil = DateTime.fromISO(days[op.span.day])
                    .plus({ weeks: op.end.untilWeeks })
                    .toISODate()!
                }
                if (op.skip) form.conflicts = 'skip'
              }
              if (offQuarter(op.span)) refused = {}
              const response = await postBooking(client as ApiClient, actor, form)
              status = response.status()
              if (actor.companyId) {
                const after = await bookingRows()
                const made = after.filter((row) => row.id > lastId)
                const stranger = made.find((row) => row.companyId !== actor.companyId)
                if (stranger) {
                  throw new Error(`${step}: a tenant booked for company ${stranger.companyId}`)
                }
              }
              break
            }
            case 'change':
            case 'cancel': {
              if (!beforeRows.length) continue
              const actor = actors[op.actor]
              const booking = beforeRows[op.target % beforeRows.length]
              if (actor.companyId && actor.companyId !== booking.companyId) {
                refused = { status: 403 }
              } else if (op.kind === 'change' && offQuarter(op.span)) {
                refused = {}
              }
              const response =
                op.kind === 'change'
                  ? await client
                      .put(`/bookings/${booking.id}`)
                      .loginAs(actor)
                      .header('referer', `/bookings/${booking.id}/edit`)
                      .form({
                        ...spanForm(op.span),
                        title: 'Réunion déplacée',
                        attendees: '3',
                        ...(op.override ? { overrideReason: 'Dérogation du directeur' } : {}),
                      })
                      .withCsrfToken()
                      .redirects(0)
                  : await client
                      .post(`/bookings/${booking.id}/cancellation`)
                      .loginAs(actor)
                      .header('referer', '/bookings')
                      .form(op.following ? { scope: 'following' } : { scope: 'one' })
                      .withCsrfToken()
                      .redirects(0)
              status = response.status()
              break
            }
            case 'closure': {
              const confirmed = beforeRows.filter((row) => row.status === 'confirmed')
              const around =
                op.around && confirmed.length
                  ? confirmed[op.around.booking % confirmed.length]
                  : null
              let [day, start, roomId] = [days[op.day], op.start, rooms[Math.max(0, op.room)].id]
              if (around) {
                const local = DateTime.fromMillis(around.startsAt).setZone(LOCAL_ZONE)
                day = local.toISODate()!
                start = local.hour * 60 + local.minute + op.around!.quarters * 15
                roomId = around.roomId
              }
              const response = await client
                .post('/closures')
                .loginAs(manager)
                .header('referer', '/closures/create')
                .form({
                  buildingId: String(buildingId),
                  meetingRoomId: op.room < 0 ? '' : String(roomId),
                  startsOn: day,
                  startTime: hhmm(start),
                  endsOn: DateTime.fromISO(day).plus({ days: op.endsDays }).toISODate()!,
                  endTime: hhmm(Math.min(start + op.duration, 23 * 60 + 45)),
                  reason: 'Travaux PBT',
                })
                .withCsrfToken()
                .redirects(0)
              status = response.status()
              assertAnswered(status, step)
              const closureId = /^\/closures\/(\d+)$/.exec(response.header('location') ?? '')?.[1]
              if (op.cancelInside && closureId) {
                /** The confirmed bookings of the closure's rooms that overlap it. */
                const inside = async () => {
                  const closure = await db.from('closures').where('id', closureId).firstOrFail()
                  const [from, to] = [millis(closure.starts_at), millis(closure.ends_at)]
                  const rows = await bookingRows()
                  return rows.filter(
                    (row) =>
                      row.status === 'confirmed' &&
                      (closure.meeting_room_id === null ||
                        row.roomId === Number(closure.meeting_room_id)) &&
                      row.startsAt < to &&
                      from < row.endsAt
                  )
                }
                const cancelled = await client
                  .post(`/closures/${closureId}/booking-cancellations`)
                  .loginAs(manager)
                  .withCsrfToken()
                  .redirects(0)
                status = cancelled.status()
                // Nothing confirmed is left inside the closure.
                const left = await inside()
                if (left.length) {
                  throw new Error(`${step}: bookings ${left.map((row) => row.id)} left inside`)
                }
              }
              break
            }
            case 'lift': {
              const closures = await db.from('closures').select('id').orderBy('id')
              if (!closures.length) continue
              const response = await client
                .post(`/closures/${closures[op.target % closures.length].id}/lifting`)
                .loginAs(manager)
                .header('referer', '/closures')
                .withCsrfToken()
                .redirects(0)
              status = response.status()
              break
            }
          }

          assertAnswered(status, step)
          if (refused) {
            if (refused.status && status !== refused.status) {
              throw new Error(`${step}: answered ${status}, expected ${refused.status}`)
            }
            if ((await bookingSnapshot()) !== before) {
              throw new Error(`${step}: refused, yet the bookings changed`)
            }
          }
          await assertBookingInvariant(step)
        }
      }

      await fc.assert(
        fc.asyncProperty(fc.array(bookingOpArb, STEPS), async (ops) => {
          await inRunSavepoint(() => run(ops))
        }),
        { numRuns: RUNS }
      )
    }).timeout(180_000)
  }
)

// ---------------------------------------------------------------------------------------
// 2. A cell never carries two agreements whose periods overlap.
// ---------------------------------------------------------------------------------------

/**
 * A day: some months after a reference day (the start of the next three years, an
 * agreement's start or end), on its first, 15th or last day, or on one that does not exist
 * (30 February); or a day either side of an agreement's start or effective end, where
 * overlaps begin.
 */
type Day =
  | { months: number; position: 'first' | 'mid' | 'last' | 'impossible' }
  | { anchor: number; edge: 'start' | 'end'; shift: number }
type AgreementOp =
  | {
      kind: 'open'
      actor: number
      company: number
      cells: Cells
      startsOn: Day
      /** After the start. */
      endsOn: Day
      noticeMonths: number
      /** Signed at once, when opened. */
      sign: boolean
    }
  /** On the cells of another agreement, from some days after its end (0: its last day). */
  | {
      kind: 'follow'
      actor: number
      company: number
      target: number
      days: number
      months: number
      sign: boolean
    }
  | { kind: 'activate'; actor: number; target: number }
  /**
   * After the agreement's end, or a day either side of the start of the next agreement
   * on one of its cells.
   */
  | { kind: 'renew'; actor: number; target: number; endsOn: Day | { next: number } }
  /** After the agreement's start. */
  | { kind: 'move'; actor: number; target: number; movesOn: Day; cells: Cells }
  | {
      kind: 'terminate'
      actor: number
      target: number
      /** After the agreement's start. */
      terminatedOn: Day
      /** Months before the termination. */
      noticeMonthsBefore: number
      override: boolean
    }

const CELLS = 3
const dayArb = (
  months: { min: number; max: number },
  /** The edge of another agreement this day most often meets. */
  edge: 'start' | 'end'
): fc.Arbitrary<Day> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        months: fc.integer(months),
        position: fc.oneof(
          {
            weight: 12,
            arbitrary: fc.constantFrom('first' as const, 'mid' as const, 'last' as const),
          },
          { weight: 1, arbitrary: fc.constant('impossible' as const) }
        ),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        anchor: fc.nat(),
        edge: fc.oneof(
          { weight: 3, arbitrary: fc.constant(edge) },
          {
            weight: 1,
            arbitrary: fc.constant(edge === 'start' ? ('end' as const) : ('start' as const)),
          }
        ),
        // The very day, or either side of it; sometimes a few weeks after.
        shift: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(0, 0, -1, 1) },
          { weight: 1, arbitrary: fc.integer({ min: 2, max: 60 }) }
        ),
      }),
    }
  )
/**
 * One or two of the cells (rarely one that does not exist: index CELLS), or those of an
 * agreement so far (its index).
 */
type Cells = number[] | { of: number }
const cellsArb: fc.Arbitrary<Cells> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.uniqueArray(
      fc.oneof(
        { weight: 15, arbitrary: fc.integer({ min: 0, max: CELLS - 1 }) },
        { weight: 1, arbitrary: fc.constant(CELLS) }
      ),
      { minLength: 1, maxLength: 2 }
    ),
  },
  { weight: 1, arbitrary: fc.record({ of: fc.nat() }) }
)
/** 0: the manager; 1: a tenant; 2: an official. */
const agreementActorArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) }
)

const agreementOpArb: fc.Arbitrary<AgreementOp> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('open' as const),
      actor: agreementActorArb,
      // Rarely a company that does not exist (index 3).
      company: fc.oneof(
        { weight: 15, arbitrary: fc.integer({ min: 0, max: 2 }) },
        { weight: 1, arbitrary: fc.constant(3) }
      ),
      cells: cellsArb,
      startsOn: dayArb({ min: 0, max: 24 }, 'end'),
      endsOn: dayArb({ min: -1, max: 18 }, 'start'),
      noticeMonths: fc.integer({ min: 0, max: 3 }),
      sign: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('follow' as const),
      actor: agreementActorArb,
      company: fc.integer({ min: 0, max: 2 }),
      target: fc.nat(),
      days: fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom(0, 1) },
        { weight: 1, arbitrary: fc.integer({ min: 2, max: 60 }) }
      ),
      months: fc.integer({ min: 0, max: 12 }),
      sign: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('activate' as const),
      actor: agreementActorArb,
      target: fc.nat(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('renew' as const),
      actor: agreementActorArb,
      target: fc.nat(),
      endsOn: fc.oneof(
        { weight: 1, arbitrary: dayArb({ min: 0, max: 12 }, 'start') },
        { weight: 1, arbitrary: fc.record({ next: fc.constantFrom(0, 0, -1, 1) }) }
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      actor: agreementActorArb,
      target: fc.nat(),
      movesOn: dayArb({ min: 0, max: 12 }, 'end'),
      cells: cellsArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('terminate' as const),
      actor: agreementActorArb,
      target: fc.nat(),
      terminatedOn: dayArb({ min: 0, max: 12 }, 'start'),
      noticeMonthsBefore: fc.integer({ min: 0, max: 4 }),
      override: fc.boolean(),
    }),
  }
)

type HeldCell = { agreementId: number; cellId: number; startsOn: string; endsOn: string }

/** Every cell an agreement holds (drafts included), from starts_on to its effective end. */
async function heldCells(): Promise<HeldCell[]> {
  const rows = await db
    .from('agreement_cells')
    .join('agreements', 'agreements.id', 'agreement_cells.agreement_id')
    .select(
      'agreements.id as agreement_id',
      'agreement_cells.cell_id',
      'agreements.starts_on',
      db.raw('coalesce(agreements.terminated_on, agreements.ends_on) as held_until')
    )
    .orderBy('agreements.id')
    .orderBy('agreement_cells.cell_id')
  return rows.map((row) => ({
    agreementId: Number(row.agreement_id),
    cellId: Number(row.cell_id),
    startsOn: isoDay(row.starts_on),
    endsOn: isoDay(row.held_until),
  }))
}

/** What a refused step may not change: every agreement and the cells it holds. */
async function agreementSnapshot() {
  const agreements = await db
    .from('agreements')
    .select('id', 'status', 'starts_on', 'ends_on', 'terminated_on', 'company_id')
    .orderBy('id')
  return JSON.stringify({
    agreements: agreements.map((row) => ({
      ...row,
      starts_on: isoDay(row.starts_on),
      ends_on: isoDay(row.ends_on),
      terminated_on: row.terminated_on === null ? null : isoDay(row.terminated_on),
    })),
    cells: await heldCells(),
  })
}

/** The invariant, read from the database: no cell carries two agreements on the same day. */
async function assertAgreementInvariant(step: string) {
  const held = await heldCells()
  for (const [index, a] of held.entries()) {
    if (a.endsOn < a.startsOn) {
      throw new Error(`${step}: agreement ${a.agreementId} ends (${a.endsOn}) before it starts`)
    }
    for (const b of held.slice(index + 1)) {
      if (
        a.cellId === b.cellId &&
        a.agreementId !== b.agreementId &&
        a.startsOn <= b.endsOn &&
        b.startsOn <= a.endsOn
      ) {
        throw new Error(
          `${step}: cell ${a.cellId} carries agreements ${a.agreementId} (${a.startsOn} → ` +
            `${a.endsOn}) and ${b.agreementId} (${b.startsOn} → ${b.endsOn})`
        )
      }
    }
  }
}

test.group('Invariants: a cell never carries two agreements whose periods overlap', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('any sequence of drafts, signatures, renewals, moves and terminations', async ({
    client,
  }) => {
    const companies = [
      await createCompany('Alpha'),
      await createCompany('Bêta'),
      await createCompany('Gamma'),
    ]
    const actors: User[] = [
      await createUser('manager'),
      await createUser('tenant', { companyId: companies[0].id }),
      await createUser('official'),
    ]
    const cells: Cell[] = []
    for (let index = 0; index < CELLS; index++) cells.push(await createCell())
    const base = DateTime.utc().startOf('year').plus({ years: 1 }).toISODate()!
    type Held = { id: number; status: string; startsOn: string; endsOn: string }
    /** A day chosen by the generator, from a reference day and the agreements so far. */
    const dayOf = (from: string, day: Day, agreements: Held[]) => {
      if ('anchor' in day) {
        const anchor = agreements[day.anchor % agreements.length]
        if (!anchor) return from
        return DateTime.fromISO(day.edge === 'start' ? anchor.startsOn : anchor.endsOn, {
          zone: 'utc',
        })
          .plus({ days: day.shift })
          .toISODate()!
      }
      const month = DateTime.fromISO(from, { zone: 'utc' })
        .startOf('month')
        .plus({ months: day.months })
      if (day.position === 'impossible') return `${month.year}-02-30`
      if (day.position === 'first') return month.toISODate()!
      if (day.position === 'mid') return month.set({ day: 15 }).toISODate()!
      return month.endOf('month').toISODate()!
    }
    /** A real day some months earlier (a day that does not exist stays as it is). */
    const monthsBefore = (day: string, months: number) => {
      const parsed = DateTime.fromISO(day, { zone: 'utc' })
      return parsed.isValid ? parsed.minus({ months }).toISODate()! : day
    }
    /** The cells chosen, or those an agreement holds. */
    const cellIds = async (chosen: Cells, agreements: Held[]) => {
      if (Array.isArray(chosen)) return chosen.map((index) => String(cells[index]?.id ?? 999_999))
      const like = agreements[chosen.of % agreements.length]
      if (!like) return [String(cells[0].id)]
      const rows = await db.from('agreement_cells').where('agreement_id', like.id)
      return rows.map((row) => String(row.cell_id))
    }

    /** The terms of every agreement opened here. */
    const terms = {
      noticeMonths: '3',
      rentSteps: ['10', '11,50', '13'],
      monthlyCharges: '45,50',
      deposit: '1 200',
    }

    async function run(ops: AgreementOp[]) {
      for (const [index, op] of ops.entries()) {
        const step = `step ${index + 1} ${JSON.stringify(op)}`
        const before = await agreementSnapshot()
        const actor = actors[op.actor]
        const rows = await db
          .from('agreements')
          .select('id', 'status', 'starts_on', 'ends_on', 'terminated_on')
          .orderBy('id')
        const agreements: Held[] = rows.map((row) => ({
          id: Number(row.id),
          status: row.status,
          startsOn: isoDay(row.starts_on),
          endsOn: isoDay(row.terminated_on ?? row.ends_on),
        }))
        let request
        if (op.kind === 'open') {
          const startsOn = dayOf(base, op.startsOn, agreements)
          // Counted from the month of the start (30 February included).
          const endsOn = dayOf(startsOn.replace(/-30$/, '-01'), op.endsOn, agreements)
          request = client.post('/agreements').form({
            companyId: String(companies[op.company]?.id ?? 999_999),
            cellIds: await cellIds(op.cells, agreements),
            startsOn,
            endsOn,
            ...terms,
            noticeMonths: String(op.noticeMonths),
          })
        } else {
          // None yet: mostly nothing to do, else one that does not exist (a 404; a 403 for
          // non-managers).
          if (!agreements.length && (op.kind === 'follow' || op.target % 4)) continue
          // Mostly one the step applies to (a draft to sign, an active one to move or end,
          // one followed by another on one of its cells to renew into that one).
          const held = await heldCells()
          /** The start of the next agreement on one of an agreement's cells, if any. */
          const nextStart = (agreement: Held) =>
            held
              .filter(
                (other) =>
                  other.agreementId !== agreement.id &&
                  other.startsOn > agreement.endsOn &&
                  held.some(
                    (mine) => mine.agreementId === agreement.id && mine.cellId === other.cellId
                  )
              )
              .map((other) => other.startsOn)
              .sort()[0]
          const fitting = agreements.filter((agreement) =>
            op.kind === 'follow'
              ? true
              : op.kind === 'activate'
                ? agreement.status === 'draft'
                : op.kind === 'renew'
                  ? agreement.status !== 'terminated' &&
                    (!('next' in op.endsOn) || nextStart(agreement) !== undefined)
                  : agreement.status === 'active'
          )
          const among = fitting.length && op.target % 4 ? fitting : agreements
          const target = among.length
            ? among[op.target % among.length]
            : { id: 999_999, startsOn: base, endsOn: base }
          if (op.kind === 'follow') {
            const startsOn = DateTime.fromISO(target.endsOn, { zone: 'utc' }).plus({
              days: op.days,
            })
            request = client.post('/agreements').form({
              ...terms,
              companyId: String(companies[op.company].id),
              cellIds: await cellIds({ of: agreements.indexOf(target as Held) }, agreements),
              startsOn: startsOn.toISODate()!,
              endsOn: startsOn.plus({ months: op.months }).endOf('month').toISODate()!,
            })
          } else if (op.kind === 'activate') {
            request = client.post(`/agreements/${target.id}/activation`)
          } else if (op.kind === 'renew') {
            const next = 'next' in op.endsOn ? nextStart(target as Held) : undefined
            const endsOn =
              'next' in op.endsOn
                ? next
                  ? DateTime.fromISO(next, { zone: 'utc' })
                      .plus({ days: op.endsOn.next })
                      .toISODate()!
                  : dayOf(target.endsOn, { months: 1, position: 'last' }, agreements)
                : dayOf(target.endsOn, op.endsOn, agreements)
            request = client.post(`/agreements/${target.id}/renewal`).form({ endsOn })
          } else if (op.kind === 'move') {
            request = client.post(`/agreements/${target.id}/move`).form({
              movesOn: dayOf(target.startsOn, op.movesOn, agreements),
              cellIds: await cellIds(op.cells, agreements),
            })
          } else {
            const terminatedOn = dayOf(target.startsOn, op.terminatedOn, agreements)
            request = client.post(`/agreements/${target.id}/termination`).form({
              terminatedOn,
              noticeGivenOn: monthsBefore(terminatedOn, op.noticeMonthsBefore),
              reason: 'Départ PBT',
              ...(op.override ? { overrideNotice: 'true', overrideReason: 'Accord amiable' } : {}),
            })
          }
        }
        const response = await request
          .loginAs(actor)
          .header('referer', '/agreements/create')
          .withCsrfToken()
          .redirects(0)
        let status = response.status()
        const opened = /^\/agreements\/(\d+)$/.exec(response.header('location') ?? '')?.[1]
        if ((op.kind === 'open' || op.kind === 'follow') && op.sign && opened) {
          assertAnswered(status, step)
          const signed = await client
            .post(`/agreements/${opened}/activation`)
            .loginAs(actor)
            .withCsrfToken()
            .redirects(0)
          status = signed.status()
        }
        assertAnswered(status, step)
        if (!actor.isManager) {
          if (status !== 403) throw new Error(`${step}: a ${actor.role} got ${status}, not 403`)
          if ((await agreementSnapshot()) !== before) {
            throw new Error(`${step}: refused, yet the agreements changed`)
          }
        }
        await assertAgreementInvariant(step)
      }
    }

    await fc.assert(
      fc.asyncProperty(fc.array(agreementOpArb, STEPS), async (ops) => {
        await inRunSavepoint(() => run(ops))
      }),
      { numRuns: AGREEMENT_RUNS }
    )
  }).timeout(180_000)
})
