import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { Audited } from '#models/concerns/audited'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { CellSchema } from '#database/schema'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Building from '#models/building'

/**
 * One rentable office (cellule) of a building.
 */
export default class Cell extends compose(CellSchema, RevisesData, Audited) {
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
    return Boolean(this.outOfServiceAt)
  }

  /** The cells in service (not isOutOfService). */
  static inService = scope((query) => {
    query.whereNull('out_of_service_at')
  })

  /** The cells a manager may allocate, floor by floor and by code. */
  static allocatable() {
    return this.query()
      .withScopes((scopes) => scopes.inService())
      .orderBy('floor')
      .orderBy('code')
  }

  /**
   * A manager's changes: its details, and whether it is out of service (works, damage...)
   * with the reason; out of service, it keeps the day that began.
   */
  async updateDetails(
    details: { code: string; floor: number; areaSqm: number; desks: number },
    outOfServiceReason: string | null,
    trx?: TransactionClientContract
  ) {
    await this.changeAs(
      'cell.updated',
      (cell: Cell) => {
        cell.merge(details)
        cell.outOfServiceAt = outOfServiceReason ? (cell.outOfServiceAt ?? DateTime.utc()) : null
        cell.outOfServiceReason = outOfServiceReason
      },
      trx
    )
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
