import factory from '@adonisjs/lucid/factories'
import Company from '#models/company'

/** A candidate company with a unique name (tests give it a stage and dates when they matter). */
export const CompanyFactory = factory
  .define(Company, ({ faker }) => ({
    name: `${faker.company.name()} ${faker.string.alphanumeric(6)}`,
    sector: 'software' as const,
  }))
  .state('hosted', (company) => {
    company.status = 'hosted'
  })
  .build()
