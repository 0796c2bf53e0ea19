import type User from '#models/user'
import type { Role } from '#models/user'
import Building from '#models/building'
import { DateTime } from 'luxon'
import { CompanyFactory } from '#database/factories/company_factory'
import { PASSWORD, UserFactory } from '#database/factories/user_factory'

/** The password of every account the tests create. */
export { PASSWORD }

let sequence = 0

/** A company to attach tenants to. */
export async function createCompany(name = 'Société Test') {
  sequence += 1
  return CompanyFactory.merge({ name: `${name} ${sequence}` }).create()
}

/** An account of the given role (tenants get a company of their own unless given one). */
export async function createUser(
  role: Role,
  overrides: Partial<Pick<User, 'email' | 'fullName' | 'companyId' | 'locale' | 'disabledAt'>> = {}
) {
  sequence += 1
  let companyId: number | null = null
  if (role === 'tenant') {
    const company = overrides.companyId ? null : await createCompany()
    companyId = overrides.companyId ?? company!.id
  }
  return UserFactory.apply(role)
    .merge({
      fullName: `${role} ${sequence}`,
      email: `${role}${sequence}@example.test`,
      ...overrides,
      companyId,
    })
    .create()
}

/** A building so that home pages have something to show. */
export async function createBuilding() {
  return Building.firstOrCreate(
    { name: 'Nouvelle Forge' },
    { address: 'Valenciennes', areaSqm: 800, openedOn: DateTime.fromISO('2016-11-01') }
  )
}
