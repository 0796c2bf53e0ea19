import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { declarationsDue } from '#domain/declaration_periods'
import { WEEKDAYS_8_TO_19 } from '#domain/opening_hours'
import { SECTORS, EXIT_REASONS } from '#models/company'
import incubator from '#config/incubator'
import { demoSiret, generator } from '#database/demo/history'
import { BENCH_ACCOUNTS, BENCH_BOOKERS, BENCH_CALENDAR_TOKEN } from '#tests/bench/dataset/accounts'

/**
 * The benchmark's large dataset: a network of incubators over ten years, made
 * deterministically from a seed and a scale (1 = 1,000 companies, 15 buildings of 18
 * cells, 3 meeting rooms; 10 = ten times each). Companies come in a steady stream,
 * each takes a free cell for 6 to 48 months under yearly agreements, declares its
 * headcount every quarter, leaves, and is followed up; the rooms are booked on every
 * weekday for ten years and the next weeks. Built as plain rows, so that a test can
 * check its invariants without a database, then written in chunks.
 */

/** Rows by table, in insertion order. */
export type LargeDataset = {
  buildings: Record<string, unknown>[]
  cells: Record<string, unknown>[]
  meeting_rooms: Record<string, unknown>[]
  companies: Record<string, unknown>[]
  agreements: Record<string, unknown>[]
  agreement_cells: Record<string, unknown>[]
  declarations: Record<string, unknown>[]
  users: Record<string, unknown>[]
  goals: Record<string, unknown>[]
  bookings: Record<string, unknown>[]
  booked_slots: Record<string, unknown>[]
}

const CELLS_PER_BUILDING = 18
const BUILDINGS_PER_SCALE = 15
const ROOMS_PER_SCALE = 3
const COMPANIES_PER_SCALE = 1000
const YEARS = 10
const DIGITAL = new Set(['software', 'digital_services', 'creative'])

const date = (day: DateTime) => day.toISODate()!
const instant = (moment: DateTime) => moment.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')

/**
 * The whole dataset for a scale, as of `today` (a day, UTC midnight). The same seed,
 * scale and day give the same rows.
 */
export function largeDataset(scale: number, today: DateTime, seed = 59300): LargeDataset {
  const random = generator(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1))
  const opening = today.startOf('month').minus({ years: YEARS })
  const created = instant(opening)
  const data: LargeDataset = {
    buildings: [],
    cells: [],
    meeting_rooms: [],
    companies: [],
    agreements: [],
    agreement_cells: [],
    declarations: [],
    users: [],
    goals: [],
    bookings: [],
    booked_slots: [],
  }

  // Buildings and their cells.
  const buildingCount = Math.max(1, Math.round(BUILDINGS_PER_SCALE * scale))
  const cells: { id: number; areaSqm: number; freeFrom: DateTime }[] = []
  for (let building = 1; building <= buildingCount; building++) {
    data.buildings.push({
      id: building,
      name: `Pépinière ${String(building).padStart(3, '0')}`,
      address: `${building} rue de l’Escaut, 59300 Valenciennes`,
      area_sqm: 800,
      opened_on: date(opening),
      created_at: created,
    })
    for (let index = 0; index < CELLS_PER_BUILDING; index++) {
      const id = cells.length + 1
      const areaSqm = 18 + between(0, 34) / 2
      cells.push({ id, areaSqm, freeFrom: opening })
      data.cells.push({
        id,
        building_id: building,
        code: `P${String(building).padStart(3, '0')}-${index < 9 ? 'RDC' : 'ET1'}-${String((index % 9) + 1).padStart(2, '0')}`,
        floor: index < 9 ? 0 : 1,
        area_sqm: areaSqm,
        desks: Math.round(areaSqm / 8),
        created_at: created,
      })
    }
  }

  // Meeting rooms, open on weekdays from 08:00 to 19:00, bookable half an hour at a time.
  const roomCount = Math.max(1, Math.round(ROOMS_PER_SCALE * scale))
  for (let room = 1; room <= roomCount; room++) {
    data.meeting_rooms.push({
      id: room,
      building_id: 1 + ((room - 1) % buildingCount),
      name: `Salle ${String(room).padStart(3, '0')}`,
      capacity: pick([4, 8, 12]),
      area_sqm: 20,
      opening_hours: JSON.stringify(WEEKDAYS_8_TO_19),
      slot_minutes: 30,
      min_minutes: 30,
      max_minutes: 240,
      advance_days: 240,
      cancellation_cutoff_minutes: 120,
      tenants_may_book: true,
      created_at: created,
    })
  }

  // Companies in a steady stream over ten years, each in the cell free the longest.
  const companyCount = Math.max(1, Math.round(COMPANIES_PER_SCALE * scale))
  const span = today.diff(opening, 'days').days
  const arrivals = Array.from({ length: companyCount }, () => Math.floor(random() * span)).sort(
    (a, b) => a - b
  )
  const stays: { id: number; enteredOn: DateTime; leavesOn: DateTime }[] = []
  let agreementId = 0
  for (const [index, offset] of arrivals.entries()) {
    const id = index + 1
    const cell = cells.reduce((best, candidate) =>
      candidate.freeFrom < best.freeFrom ? candidate : best
    )
    const wanted = opening.plus({ days: offset })
    const enteredOn = cell.freeFrom > wanted ? cell.freeFrom : wanted
    const months = Math.min(between(6, 48), incubator.maxStayMonths)
    const plannedEnd = enteredOn.plus({ months }).minus({ days: 1 })
    // Some leave six months early, with notice (only those already gone by today).
    const leavesEarly = random() < 0.2 && months > 18 && plannedEnd.minus({ months: 6 }) < today
    const leavesOn = leavesEarly ? plannedEnd.minus({ months: 6 }) : plannedEnd
    cell.freeFrom = leavesOn.plus({ days: between(1, 60) })
    const hasLeft = leavesOn < today
    const sector = pick(SECTORS)
    const siret = demoSiret(70_000_000 + id)
    data.companies.push({
      id,
      name: `Entreprise ${String(id).padStart(5, '0')} ${pick(['Atelier', 'Studio', 'Lab', 'Forge', 'Conseil'])}`,
      siret,
      siren: siret.slice(0, 9),
      legal_form: pick(['SAS', 'SASU', 'SARL', 'EURL']),
      naf_code: '62.01Z',
      sector,
      digital: DIGITAL.has(sector),
      founded_on: date(enteredOn.minus({ months: between(1, 24) })),
      contact_name: `Contact ${id}`,
      email: `contact${id}@bench.test`,
      phone: '03 27 00 00 00',
      status: hasLeft ? 'alumni' : 'hosted',
      entered_on: date(enteredOn),
      exit_on: hasLeft ? date(leavesOn) : null,
      exit_reason: hasLeft ? pick(EXIT_REASONS) : null,
      booking_quota_minutes: null,
      created_at: instant(enteredOn.minus({ months: 1 })),
    })
    stays.push({ id, enteredOn, leavesOn })

    // Yearly agreements, each renewing the one before, the last one ended early if so.
    let previous: number | null = null
    for (let from = enteredOn; from <= plannedEnd; from = from.plus({ years: 1 })) {
      if (from > leavesOn) break
      agreementId += 1
      const endsOn = DateTime.min(from.plus({ years: 1 }).minus({ days: 1 }), plannedEnd)
      const terminated = leavesOn < endsOn
      data.agreements.push({
        id: agreementId,
        company_id: id,
        previous_agreement_id: previous,
        status: terminated ? 'terminated' : 'active',
        starts_on: date(from),
        ends_on: date(endsOn),
        terminated_on: terminated ? date(leavesOn) : null,
        termination_reason: terminated ? 'Départ anticipé' : null,
        notice_months: incubator.defaultNoticeMonths,
        rent_steps: JSON.stringify(incubator.defaultRentSteps),
        monthly_charges_cents: Math.round(cell.areaSqm * 250),
        deposit_cents: Math.round(cell.areaSqm * 2000),
        created_at: instant(from.minus({ months: 1 })),
      })
      data.agreement_cells.push({ agreement_id: agreementId, cell_id: cell.id })
      previous = agreementId
    }

    // Headcount declarations: every period due, the latest one missing for one in five.
    const periods = declarationsDue({ enteredOn, exitOn: hasLeft ? leavesOn : null }, today)
    let jobs = between(1, 3)
    for (const [position, period] of periods.entries()) {
      if (position === periods.length - 1 && id % 5 === 0) break
      jobs = Math.max(1, jobs + (random() < 0.4 ? 1 : random() < 0.1 ? -1 : 0))
      const executives = Math.min(jobs, jobs > 4 ? 2 : 1)
      const apprentices = jobs > 3 ? 1 : 0
      data.declarations.push({
        company_id: id,
        kind: period.kind,
        period_on: date(period.periodOn),
        executives,
        permanent: jobs - executives - apprentices,
        fixed_term: 0,
        apprentices,
        interns: random() < 0.2 ? 1 : 0,
        still_trading: period.kind === 'follow_up' ? random() < 0.85 : null,
        status: 'validated',
        validated_at: instant(period.periodOn.plus({ days: 20 })),
        created_at: instant(period.periodOn.plus({ days: 10 })),
      })
    }
  }

  // The accounts: one per role, and an account for each company hosted today.
  const hostedToday = stays.filter((stay) => stay.enteredOn <= today && stay.leavesOn >= today)
  const tenantCompany = hostedToday[0] ?? stays[0]
  const account = (email: string, fullName: string, role: string, companyId: number | null) => ({
    id: data.users.length + 1,
    full_name: fullName,
    email,
    password: '',
    role,
    company_id: companyId,
    locale: 'fr',
    calendar_token: null as string | null,
    created_at: created,
  })
  data.users.push(account(BENCH_ACCOUNTS.manager, 'Gestion Banc', 'manager', null))
  data.users.push(account(BENCH_ACCOUNTS.official, 'Élu Banc', 'official', null))
  data.users.push(account(BENCH_ACCOUNTS.tenant, 'Locataire Banc', 'tenant', tenantCompany.id))
  // The calendar feed measured is another company's, whose bookings the benchmark leaves alone.
  for (const [index, stay] of hostedToday.slice(1).entries()) {
    data.users.push({
      ...account(`compte${stay.id}@bench.test`, `Compte ${stay.id}`, 'tenant', stay.id),
      calendar_token: index === 0 ? BENCH_CALENDAR_TOKEN : null,
    })
  }
  // The benchmark's bookers book a lot: their companies' quotas are lifted. The second
  // company hosted today (whose feed is measured) is left alone.
  const bookingCompanies = [tenantCompany, ...hostedToday.slice(2)]
  for (const [index, email] of BENCH_BOOKERS.entries()) {
    const company = bookingCompanies[index % bookingCompanies.length]
    if (index > 0) data.users.push(account(email, `Réservation ${index}`, 'tenant', company.id))
    data.companies[company.id - 1].booking_quota_minutes = 1_000_000
  }

  data.goals.push({
    name: 'Objectif du réseau',
    starts_on: date(today.startOf('year').minus({ years: 1 })),
    ends_on: date(today.startOf('year').plus({ years: 2 }).minus({ days: 1 })),
    target_jobs: Math.round(800 * scale),
    measure: 'jobs_hosted',
    made_current_at: created,
    created_at: created,
  })

  // Bookings: every weekday of every room, from the opening to six weeks ahead, by
  // companies hosted that month; one in twenty cancelled (its slots freed).
  const hostedByMonth = new Map<string, number[]>()
  for (const stay of stays) {
    for (
      let month = stay.enteredOn.startOf('month');
      month <= stay.leavesOn;
      month = month.plus({ months: 1 })
    ) {
      const key = month.toFormat('yyyy-MM')
      if (!hostedByMonth.has(key)) hostedByMonth.set(key, [])
      hostedByMonth.get(key)!.push(stay.id)
    }
  }
  const lastDay = today.plus({ weeks: 6 })
  let bookingId = 0
  for (let day = opening; day <= lastDay; day = day.plus({ days: 1 })) {
    if (day.weekday > 5) continue
    const hosted = hostedByMonth.get(day.toFormat('yyyy-MM'))
    if (!hosted?.length) continue
    for (let room = 1; room <= roomCount; room++) {
      let minute = 8 * 60 + 30 * between(0, 3)
      while (true) {
        const length = 30 * between(1, 4)
        if (minute + length > 19 * 60) break
        const startsAt = DateTime.fromObject(
          {
            year: day.year,
            month: day.month,
            day: day.day,
            hour: Math.floor(minute / 60),
            minute: minute % 60,
          },
          { zone: 'Europe/Paris' }
        )
        const endsAt = startsAt.plus({ minutes: length })
        const cancelled = random() < 0.05
        bookingId += 1
        data.bookings.push({
          id: bookingId,
          meeting_room_id: room,
          company_id: pick(hosted),
          title: pick(['Réunion client', 'Point d’équipe', 'Entretien', 'Atelier', 'Visio']),
          attendees: between(2, 6),
          starts_at: instant(startsAt),
          ends_at: instant(endsAt),
          status: cancelled ? 'cancelled' : 'confirmed',
          cancelled_at: cancelled ? instant(startsAt.minus({ days: 1 })) : null,
          sequence: cancelled ? 1 : 0,
          created_at: instant(startsAt.minus({ days: between(1, 20) })),
        })
        if (!cancelled) {
          for (let slot = 0; slot < length; slot += 15) {
            data.booked_slots.push({
              booking_id: bookingId,
              meeting_room_id: room,
              starts_at: instant(startsAt.plus({ minutes: slot })),
            })
          }
        }
        minute += length + 30 * between(0, 4)
      }
    }
  }
  return data
}

/** How many rows go in one INSERT (well under MySQL's packet and SQLite's variable limits). */
const CHUNK_ROWS = 500

/** Writes the dataset into an empty, migrated database, table by table in chunks. */
export async function insertLargeDataset(
  data: LargeDataset,
  client: QueryClientContract,
  passwordHash: string
) {
  const now = instant(DateTime.utc())
  for (const [table, rows] of Object.entries(data)) {
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      const chunk = rows.slice(start, start + CHUNK_ROWS).map((row) => {
        const filled: Record<string, unknown> = { ...row }
        if (table === 'users') filled.password = passwordHash
        if ('created_at' in row && !('updated_at' in row)) {
          filled.updated_at = now
        }
        return filled
      })
      await client.table(table).multiInsert(chunk)
    }
  }
}
