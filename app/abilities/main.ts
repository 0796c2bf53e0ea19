/*
|--------------------------------------------------------------------------
| Bouncer abilities
|--------------------------------------------------------------------------
|
| Role-wide permissions, used by the navigation (@can) and by controllers.
| Record-level rules live in the policies of app/policies.
|
*/
import { Bouncer } from '@adonisjs/bouncer'
import type User from '#models/user'

/** Managers run the incubator: companies, cells, agreements, accounts. */
export const manageIncubator = Bouncer.ability((user: User) => user.isManager)

/** Managers and officials follow employment and occupancy on dashboards. */
export const viewDashboards = Bouncer.ability((user: User) => user.isManager || user.isOfficial)

/** Tenants act for their own company: bookings, headcount declarations. */
export const actForCompany = Bouncer.ability((user: User) => user.isTenant)
