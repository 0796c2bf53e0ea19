import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { CellSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Building from '#models/building'

/**
 * One rentable office (cellule) of a building.
 */
export default class Cell extends compose(CellSchema, RevisesData) {
  /** MySQL returns DECIMAL columns as strings. */
  @column({ consume: (value) => Number(value) })
  declare areaSqm: number

  @belongsTo(() => Building)
  declare building: BelongsTo<typeof Building>

  /** One building's cells, floor by floor and by code: as its plan and timeline show them. */
  static ofBuilding(buildingId: number) {
    return this.query().where('building_id', buildingId).orderBy('floor').orderBy('code')
  }

  /** A cell out of service cannot be allocated. */
  get isOutOfService() {
    return this.outOfServiceAt !== null
  }

  /** Takes the cell out of service (works, damage...) with the reason; keeps the date it began. */
  putOutOfService(reason: string) {
    this.outOfServiceAt ??= DateTime.utc()
    this.outOfServiceReason = reason
  }

  /** Puts the cell back in service. */
  putBackInService() {
    this.outOfServiceAt = null
    this.outOfServiceReason = null
  }

  /** The values worth recording in the audit trail. */
  auditAttributes() {
    return {
      code: this.code,
      floor: this.floor,
      areaSqm: this.areaSqm,
      desks: this.desks,
      outOfService: this.isOutOfService,
      outOfServiceReason: this.outOfServiceReason,
    }
  }
}
