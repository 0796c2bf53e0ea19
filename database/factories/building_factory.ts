import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import Building from '#models/building'

/** A building of the network, opened in November 2016 like the Nouvelle Forge. */
export const BuildingFactory = factory
  .define(Building, ({ faker }) => ({
    name: `Bâtiment ${faker.string.alphanumeric(6)}`,
    address: 'Valenciennes',
    areaSqm: 800,
    openedOn: DateTime.fromISO('2016-11-01', { zone: 'utc' }),
  }))
  .build()
