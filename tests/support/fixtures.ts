import Company from '#models/company'
import User, { type Role } from '#models/user'
import Building from '#models/building'
import { DateTime } from 'luxon'

/** The password of every account the tests create. */
export const PASSWORD = 'correct-horse-battery'

let sequence = 0

/** A company to attach tenants to. */
export async function createCompany(name = 'Société Test') {
  sequence += 1
  return Company.create({ name: `${name} ${sequence}` })
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
  return User.create({
    fullName: `${role} ${sequence}`,
    email: `${role}${sequence}@example.test`,
    password: PASSWORD,
    role,
    locale: 'fr',
    ...overrides,
    companyId,
  })
}

/** A building so that home pages have something to show. */
export async function createBuilding() {
  return Building.firstOrCreate(
    { name: 'Nouvelle Forge' },
    { address: 'Valenciennes', areaSqm: 800, openedOn: DateTime.fromISO('2016-11-01') }
  )
}
