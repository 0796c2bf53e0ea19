import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { GoalSchema } from '#database/schema'
import { column } from '@adonisjs/lucid/orm'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#exceptions/domain_error'
import type { GoalMeasure } from '#domain/goals'

/** A goal's terms as a manager sets them. */
export type GoalValues = {
  name: string
  startsOn: DateTime
  endsOn: DateTime
  targetJobs: number
  measure: GoalMeasure
}

/**
 * A target number of jobs to reach over a period (80 jobs in three years...). Goals
 * are kept as history, never deleted; the current one is the latest made current.
 */
export default class Goal extends compose(GoalSchema, RevisesData) {
  @column()
  declare measure: GoalMeasure

  /** Three years, the incubator's usual horizon, when a manager does not say. */
  static defaultEndFor(startsOn: DateTime) {
    return startsOn.plus({ years: 3 }).minus({ days: 1 })
  }

  /** The goal the dashboard follows: the one made current most recently. */
  static current(client?: QueryClientContract) {
    return this.query({ client })
      .whereNotNull('made_current_at')
      .orderBy('made_current_at', 'desc')
      .orderBy('id', 'desc')
      .first()
  }

  /** Whether this goal is the one the dashboard follows. */
  isCurrentAmong(current: Goal | null) {
    return current?.id === this.id
  }

  /** Sets the terms, refusing an end on or before the start. */
  setTerms(values: GoalValues) {
    if (values.endsOn <= values.startsOn) {
      throw new DomainError('goals.errors.ends_before_start', 'endsOn')
    }
    this.name = values.name
    this.startsOn = values.startsOn
    this.endsOn = values.endsOn
    this.targetJobs = values.targetJobs
    this.measure = values.measure
  }

  /** Makes this goal the one the dashboard follows (the former current one stays in history). */
  makeCurrent() {
    this.madeCurrentAt = DateTime.utc()
  }

  /** The values worth recording in the audit trail. */
  auditAttributes() {
    return {
      name: this.name,
      startsOn: this.startsOn?.toISODate() ?? null,
      endsOn: this.endsOn?.toISODate() ?? null,
      targetJobs: this.targetJobs,
      measure: this.measure,
      madeCurrentAt: this.madeCurrentAt?.toISO() ?? null,
    }
  }
}
