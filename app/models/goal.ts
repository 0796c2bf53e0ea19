import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { RevisesData } from '#models/concerns/revises_data'
import { Audited } from '#models/concerns/audited'
import DataRevision from '#models/data_revision'
import { GoalSchema } from '#database/schema'
import { column } from '@adonisjs/lucid/orm'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#exceptions/domain_error'
import { goalIsOver, type GoalMeasure } from '#domain/goals'

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
export default class Goal extends compose(GoalSchema, RevisesData, Audited) {
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

  /** Whether its period is over on a day. */
  isOverOn(day: DateTime) {
    return goalIsOver(this, day)
  }

  /** Sets a new goal's terms; the first goal, or one asked so, becomes the current one. */
  static async set(values: GoalValues, makeCurrent: boolean, trx?: TransactionClientContract) {
    return DataRevision.within(trx, async (client) => {
      const goal = new Goal()
      goal.useTransaction(client)
      goal.#setTerms(values)
      if (makeCurrent || !(await Goal.current(client))) goal.madeCurrentAt = DateTime.utc()
      await goal.save()
      await goal.recordCreation('goal.created', client)
      return goal
    })
  }

  /** Changes the goal's terms (and makes it current when asked). */
  async updateTerms(values: GoalValues, makeCurrent: boolean, trx?: TransactionClientContract) {
    await this.changeAs(
      'goal.updated',
      (goal) => {
        goal.#setTerms(values)
        if (makeCurrent) goal.madeCurrentAt = DateTime.utc()
      },
      trx
    )
  }

  /** Sets the terms, refusing an end on or before the start. */
  #setTerms(values: GoalValues) {
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
  async makeCurrent(trx?: TransactionClientContract) {
    await this.changeAs(
      'goal.made_current',
      (goal) => {
        goal.madeCurrentAt = DateTime.utc()
      },
      trx
    )
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
