import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import env from '#start/env'
import Building from '#models/building'
import Cell from '#models/cell'
import MeetingRoom from '#models/meeting_room'
import Company from '#models/company'
import User, { type Role } from '#models/user'
import Agreement from '#models/agreement'
import { DEMO_COMPANY_NAME, seedDeclarations, seedHistory } from '#database/demo/history'
import Goal from '#models/goal'
import Booking from '#models/booking'
import { seedBookings } from '#database/demo/bookings'
import { WEEKDAYS_8_TO_19, type OpeningHours } from '#domain/opening_hours'
import Declaration from '#models/declaration'
import { today } from '#domain/periods'
import { seedMandates, seedOperator, seedServices } from '#database/demo/billing'
import { seedInvoices } from '#database/demo/invoices'

/** The password of every demo account. */
export const DEMO_PASSWORD = 'pepiniere-demo'

/** The demo accounts listed in the README, one per role. */
export const DEMO_ACCOUNTS: { email: string; fullName: string; role: Role }[] = [
  { email: 'gestion@nouvelle-forge.test', fullName: 'Claire Gestion', role: 'manager' },
  { email: 'elu@nouvelle-forge.test', fullName: 'Marc Élu', role: 'official' },
  { email: 'locataire@nouvelle-forge.test', fullName: 'Inès Locataire', role: 'tenant' },
]

/**
 * The 18 cells of the Nouvelle Forge: 430 m² of offices on two floors; the rest
 * of the 800 m² holds the 3 meeting rooms, the convivial areas and the services.
 */
const CELLS: { code: string; floor: number; areaSqm: number; desks: number }[] = [
  { code: 'RDC-01', floor: 0, areaSqm: 18.5, desks: 2 },
  { code: 'RDC-02', floor: 0, areaSqm: 21, desks: 3 },
  { code: 'RDC-03', floor: 0, areaSqm: 24, desks: 3 },
  { code: 'RDC-04', floor: 0, areaSqm: 24, desks: 3 },
  { code: 'RDC-05', floor: 0, areaSqm: 32.5, desks: 4 },
  { code: 'RDC-06', floor: 0, areaSqm: 18, desks: 2 },
  { code: 'RDC-07', floor: 0, areaSqm: 20, desks: 2 },
  { code: 'RDC-08', floor: 0, areaSqm: 28, desks: 4 },
  { code: 'RDC-09', floor: 0, areaSqm: 19.5, desks: 2 },
  { code: 'ET1-01', floor: 1, areaSqm: 22, desks: 3 },
  { code: 'ET1-02', floor: 1, areaSqm: 22, desks: 3 },
  { code: 'ET1-03', floor: 1, areaSqm: 30, desks: 4 },
  { code: 'ET1-04', floor: 1, areaSqm: 26, desks: 3 },
  { code: 'ET1-05', floor: 1, areaSqm: 18, desks: 2 },
  { code: 'ET1-06', floor: 1, areaSqm: 20.5, desks: 2 },
  { code: 'ET1-07', floor: 1, areaSqm: 25, desks: 3 },
  { code: 'ET1-08', floor: 1, areaSqm: 35, desks: 5 },
  { code: 'ET1-09', floor: 1, areaSqm: 25.5, desks: 3 },
]

/** The three meeting rooms and their booking rules. */
const MEETING_ROOMS = [
  {
    name: 'Salle Escaut',
    capacity: 12,
    areaSqm: 32,
    equipment: 'Écran 75 pouces, visioconférence, tableau blanc',
    description: 'La grande salle du rez-de-chaussée, lumineuse, donnant sur le parc.',
    openingHours: WEEKDAYS_8_TO_19,
    slotMinutes: 30,
    minMinutes: 30,
    maxMinutes: 240,
  },
  {
    name: 'Salle Rhonelle',
    capacity: 8,
    areaSqm: 22,
    equipment: 'Écran, tableau blanc',
    description: 'Salle de réunion du premier étage.',
    openingHours: WEEKDAYS_8_TO_19,
    slotMinutes: 30,
    minMinutes: 30,
    maxMinutes: 240,
  },
  {
    name: 'Salle Vauban',
    capacity: 4,
    areaSqm: 12,
    equipment: 'Cabine de visioconférence',
    description: 'Petite salle pour un appel ou un entretien, réservable au quart d’heure.',
    openingHours: { ...WEEKDAYS_8_TO_19, 6: ['09:00', '13:00'] } as OpeningHours,
    slotMinutes: 15,
    minMinutes: 15,
    maxMinutes: 120,
  },
]

/**
 * The Nouvelle Forge, its cells and meeting rooms, and (outside production, or
 * when SEED_DEMO_ACCOUNTS=true) the demo story — companies, agreements and exits
 * since November 2016 — with the demo accounts. Safe to run twice.
 */
export default class MainSeeder extends BaseSeeder {
  async run() {
    const demo = await db.transaction(async (trx) => {
      const building = await Building.updateOrCreate(
        { name: 'Nouvelle Forge' },
        {
          address: "Rives Créatives de l'Escaut, 59300 Valenciennes",
          areaSqm: 800,
          openedOn: DateTime.fromISO('2016-11-01'),
        },
        { client: trx }
      )
      await Cell.updateOrCreateMany(
        'code',
        CELLS.map((cell) => ({ ...cell, buildingId: building.id })),
        { client: trx }
      )
      // Created once: managers change the rules afterwards, a second seeding keeps them.
      await MeetingRoom.fetchOrCreateMany(
        'name',
        MEETING_ROOMS.map((room) => ({ ...room, buildingId: building.id })),
        { client: trx }
      )

      // The incubator's public goal: 80 jobs within three years of its opening.
      // Its name, with the no-break space French wants before a colon; found by the name
      // it had before that, too, so that seeding an older database adds no second goal.
      const goalName = 'Objectif de la Nouvelle Forge\u00a0: 80 emplois en trois ans'
      const existingGoal = await Goal.query({ client: trx })
        .whereIn('name', [goalName, goalName.replace('\u00a0', ' ')])
        .first()
      const goal =
        existingGoal ??
        (await Goal.create(
          {
            name: goalName,
            startsOn: DateTime.fromISO('2016-11-01', { zone: 'utc' }),
            endsOn: DateTime.fromISO('2019-10-31', { zone: 'utc' }),
            targetJobs: 80,
            measure: 'jobs_hosted',
          },
          { client: trx }
        ))
      if (!(await Goal.current(trx))) await goal.makeCurrent(trx)

      if (app.inProduction && env.get('SEED_DEMO_ACCOUNTS') !== true) {
        return false
      }

      // The demo story runs once: a second seeding finds it and adds nothing.
      const alreadyTold = await Agreement.query({ client: trx }).first()
      const company = alreadyTold
        ? await Company.query({ client: trx }).where('name', DEMO_COMPANY_NAME).firstOrFail()
        : await seedHistory(await Cell.query({ client: trx }).orderBy('id'), today(), trx)
      if (!(await Declaration.query({ client: trx }).first())) {
        await seedDeclarations(today(), trx)
      }
      if (!(await Booking.query({ client: trx }).first())) {
        await seedBookings(today(), trx)
      }
      await seedOperator(trx)
      await seedServices(trx)
      await seedMandates(company.id, trx)
      for (const account of DEMO_ACCOUNTS) {
        await User.firstOrCreate(
          { email: account.email },
          {
            ...account,
            password: DEMO_PASSWORD,
            locale: 'fr',
            companyId: account.role === 'tenant' ? company.id : null,
          },
          { client: trx }
        )
      }
      return true
    })
    // Invoices once the story is stored: each company's draft has its own transaction.
    if (demo) await seedInvoices(today())
  }
}
