import factory from '@adonisjs/lucid/factories'
import User from '#models/user'
import { CompanyFactory } from '#database/factories/company_factory'

/** The password of every account the factories make. */
export const PASSWORD = 'correct-horse-battery'

/** An account: an official unless a state says otherwise; a tenant gets a company of its own. */
export const UserFactory = factory
  .define(User, ({ faker }) => ({
    fullName: faker.person.fullName(),
    email: faker.internet
      .email()
      .toLowerCase()
      .replace('@', `.${faker.string.alphanumeric(6)}@`),
    password: PASSWORD,
    role: 'official' as const,
    locale: 'fr' as const,
  }))
  .state('manager', (user) => {
    user.role = 'manager'
  })
  .state('official', (user) => {
    user.role = 'official'
  })
  .state('tenant', (user) => {
    user.role = 'tenant'
  })
  .relation('company', () => CompanyFactory)
  .build()
