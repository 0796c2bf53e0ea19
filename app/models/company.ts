import { CompanySchema } from '#database/schema'
import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import User from '#models/user'

/**
 * A business hosted by the incubator, or applying to be; identified by its SIRET.
 */
export default class Company extends CompanySchema {
  @hasMany(() => User)
  declare users: HasMany<typeof User>
}
