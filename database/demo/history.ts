import { DateTime, Settings } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Agreement from '#models/agreement'
import Company, { type ExitReason, type Sector } from '#models/company'
import type Cell from '#models/cell'
import { hasValidLuhnKey, sirenOf } from '#domain/siret'
import { day } from '#domain/periods'
import incubator from '#config/incubator'
import Declaration from '#models/declaration'
import { declarationsDue } from '#domain/declaration_periods'
import { LOCAL_ZONE_NAME } from '#domain/local_zone'
import { DomainError } from '#exceptions/domain_error'

/**
 * The Nouvelle Forge's story for the demo, deterministic (a fixed seed): it opens in
 * November 2016; on 2017-07-05 it hosts 11 companies, 9 of them digital; then
 * companies come and go (most graduate to their own premises, a few move away or
 * cease trading) until today. Every agreement goes through Agreement.open, so the
 * story obeys the same rules as the app (no overlap, maximum stay, progressive rent).
 * Each step runs on its own day of the story (storyDay), so that the rules see the
 * agreement as it was then and the history says when each thing happened.
 */

/** Runs a step of the story as if on its day (09:00 in Paris): what it records bears that date. */
export async function onStoryDay<T>(storyDay: DateTime, step: () => Promise<T>) {
  const previous = Settings.now
  const at = DateTime.fromISO(`${storyDay.toISODate()}T09:00`, { zone: LOCAL_ZONE_NAME })
  Settings.now = () => at.toMillis()
  try {
    return await step()
  } finally {
    Settings.now = previous
  }
}

/** A small deterministic pseudo-random generator (mulberry32), for demo and benchmark data. */
export function generator(seed: number) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A valid SIRET built from an 8-digit number (Luhn keys on the SIREN and the SIRET). */
export function demoSiret(number: number) {
  const base = String(number).padStart(8, '0')
  const siren = [...'0123456789']
    .map((key) => base + key)
    .find((candidate) => hasValidLuhnKey(candidate))!
  return [...'0123456789']
    .map((key) => `${siren}0001${key}`)
    .find((candidate) => hasValidLuhnKey(candidate))!
}

const FIRST = [
  'Atelier',
  'Studio',
  'Forge',
  'Lab',
  'Escale',
  'Comptoir',
  'Fabrique',
  'Maison',
  'Cap',
  'Agence',
]
const SECOND = [
  'Numérique',
  'du Hainaut',
  'de l’Escaut',
  'Data',
  'Logiciel',
  'Créatif',
  'Vallée',
  'Rhonelle',
  'Robotique',
  'Énergie',
  'Design',
  'Conseil',
]
const DIGITAL_SECTORS: Sector[] = ['software', 'digital_services', 'creative']
const OTHER_SECTORS: Sector[] = [
  'consulting',
  'industry',
  'energy_environment',
  'health',
  'commerce',
]
const EXIT_REASONS: ExitReason[] = [
  'graduated',
  'graduated',
  'graduated',
  'graduated',
  'moved_away',
  'ceased_trading',
  'other',
]

/** The demo tenant's company: hosted today, with its own agreement. */
export const DEMO_COMPANY_NAME = 'Atelier Numérique du Hainaut'

/**
 * Writes the companies, agreements and exits from the opening to `today`.
 * Returns the demo tenant's company.
 */
export async function seedHistory(cells: Cell[], today: DateTime, trx: TransactionClientContract) {
  const random = generator(59300)
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]
  const names = new Set<string>()
  let sequence = 0

  const newCompany = async (digital: boolean, enteredOn: DateTime, name?: string) => {
    sequence += 1
    let companyName = name
    while (!companyName || names.has(companyName)) {
      companyName = `${pick(FIRST)} ${pick(SECOND)}`
    }
    names.add(companyName)
    const siret = demoSiret(81_200_000 + sequence * 137)
    return Company.create(
      {
        name: companyName,
        siret,
        siren: sirenOf(siret),
        legalForm: pick(['SAS', 'SASU', 'SARL', 'EURL']),
        sector: digital ? pick(DIGITAL_SECTORS) : pick(OTHER_SECTORS),
        digital,
        nafCode: digital ? '62.01Z' : '70.22Z',
        foundedOn: enteredOn.minus({ months: 2 + Math.floor(random() * 10) }),
        contactName: 'Contact démo',
        email: `contact${sequence}@demo.nouvelle-forge.test`,
        status: 'candidate',
      },
      { client: trx }
    )
  }

  /** One company's stay in one cell: entry, agreement, and exit if it has left by today. */
  const stay = async (
    cell: Cell,
    enteredOn: DateTime,
    months: number,
    digital: boolean,
    name?: string
  ) => {
    // Drafted a month before the entry, signed two weeks before it.
    const draftedOn = enteredOn.minus({ months: 1 })
    const company = await onStoryDay(draftedOn, () => newCompany(digital, enteredOn, name))
    const plannedEnd = enteredOn.plus({ months }).minus({ days: 1 })
    const agreement = await onStoryDay(draftedOn, () =>
      Agreement.open(
        {
          companyId: company.id,
          cellIds: [cell.id],
          startsOn: enteredOn,
          endsOn: plannedEnd,
          noticeMonths: incubator.defaultNoticeMonths,
          rentSteps: incubator.defaultRentSteps,
          monthlyChargesCents: Math.round(cell.areaSqm * 250),
          depositCents: Math.round(cell.areaSqm * 2000),
        },
        trx
      )
    )
    await onStoryDay(enteredOn.minus({ days: 14 }), () => agreement.activate(trx))
    // Some leave early, with notice.
    const leavesEarly = !name && random() < 0.25 && months > 18
    const leavesOn = leavesEarly
      ? enteredOn.plus({ months: months - 6 }).minus({ days: 1 })
      : plannedEnd
    if (leavesOn < today) {
      if (leavesEarly) {
        const noticeGivenOn = leavesOn.minus({ months: 3 }).plus({ days: 1 })
        await onStoryDay(noticeGivenOn, () =>
          agreement.terminate(
            { terminatedOn: leavesOn, noticeGivenOn, reason: 'Départ anticipé' },
            trx
          )
        )
      }
      await onStoryDay(leavesOn, () => company.recordExit(leavesOn, pick(EXIT_REASONS), trx))
    }
    // As its agreement's signature and its exit left it.
    return { company: await Company.findOrFail(company.id, { client: trx }), leavesOn }
  }

  const opening = day('2016-11-01')
  let demoCompany: Company | null = null

  // The first 11, all in before 2017-07-05 (9 of them digital), staying at least 24 months.
  for (const [index, cell] of cells.entries()) {
    let from: DateTime
    let digital: boolean
    let months: number
    if (index < 11) {
      from = opening.plus({ days: index * 20 })
      digital = index < 9
      months = 24 + Math.floor(random() * 25)
    } else {
      from = day('2017-09-01').plus({ months: (index - 11) * 2 })
      digital = random() < 0.7
      months = 18 + Math.floor(random() * 31)
    }
    // One stay after another in this cell, with a gap of 1 to 3 months, until today.
    while (from <= today) {
      const isLastStay = from.plus({ months: 18 }) > today
      const name = isLastStay && !demoCompany && digital ? DEMO_COMPANY_NAME : undefined
      const { company, leavesOn } = await stay(
        cell,
        from,
        Math.min(months, incubator.maxStayMonths),
        digital,
        name
      )
      if (name) demoCompany = company
      from = leavesOn.plus({ months: 1 + Math.floor(random() * 3) }).startOf('month')
      digital = random() < 0.7
      months = 18 + Math.floor(random() * 31)
    }
  }

  // A few candidates waiting for a cell; the first has a draft in progress, for a year from
  // the month after next, on the first cell free all along (the drafting's rules say which).
  const candidates: Company[] = []
  for (let index = 0; index < 3; index++) {
    candidates.push(await newCompany(random() < 0.7, today))
  }
  const draftStartsOn = today.plus({ months: 2 }).startOf('month')
  for (const cell of cells) {
    const draft = await Agreement.open(
      {
        companyId: candidates[0].id,
        cellIds: [cell.id],
        startsOn: draftStartsOn,
        endsOn: draftStartsOn.plus({ years: 1 }).minus({ days: 1 }),
        noticeMonths: incubator.defaultNoticeMonths,
        rentSteps: incubator.defaultRentSteps,
        monthlyChargesCents: Math.round(cell.areaSqm * 250),
        depositCents: Math.round(cell.areaSqm * 2000),
      },
      trx
    ).catch((error) => {
      if (error instanceof DomainError) return null
      throw error
    })
    if (draft) break
  }

  return demoCompany ?? (await newCompany(true, today, DEMO_COMPANY_NAME))
}

/** Jobs of the first eleven companies on 30 June 2017: 25 in all, as the public figures say. */
const JUNE_2017_JOBS = [4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 1]

/**
 * Headcount declarations for every company of the story, from its entry to today:
 * believable growth, every fourth company's latest period still to declare, and the
 * 11 companies hosted on 2017-07-05 totalling 25 jobs.
 */
export async function seedDeclarations(today: DateTime, trx: TransactionClientContract) {
  const random = generator(2017)
  const companies = await Company.query({ client: trx })
    .whereNotNull('entered_on')
    .orderBy('entered_on')
    .orderBy('id')
  const rows: Partial<Declaration>[] = []

  for (const [index, company] of companies.entries()) {
    const periods = declarationsDue(company, today)
    let jobs = 1 + Math.floor(random() * 2)
    for (const [position, period] of periods.entries()) {
      const isLast = position === periods.length - 1
      if (isLast && index % 4 === 3 && period.kind === 'quarter') break
      if (position > 0 && period.kind !== 'follow_up') {
        jobs = Math.max(1, jobs + (random() < 0.45 ? 1 : random() < 0.1 ? -1 : 0))
      }
      if (period.kind === 'follow_up') jobs += Math.floor(random() * 3)
      if (index < JUNE_2017_JOBS.length && period.periodOn.toISODate() === '2017-06-30') {
        jobs = JUNE_2017_JOBS[index]
      }
      const executives = Math.min(jobs, 1 + (jobs > 4 ? 1 : 0))
      const apprentices = jobs > 3 ? 1 : 0
      const fixedTerm = jobs > 6 ? 1 : 0
      rows.push({
        companyId: company.id,
        kind: period.kind,
        periodOn: period.periodOn,
        executives,
        apprentices,
        fixedTerm,
        permanent: jobs - executives - apprentices - fixedTerm,
        interns: random() < 0.2 ? 1 : 0,
        stillTrading: period.kind === 'follow_up' ? random() < 0.85 : null,
        status: 'validated',
        validatedAt: period.periodOn.plus({ days: 20 }),
      })
    }
  }
  await Declaration.createMany(rows, { client: trx })
}
