import type { DateTime } from 'luxon'

/** What a goal counts (DOMAIN.md, "Counting jobs"). */
export const GOAL_MEASURES = ['jobs_hosted', 'net_jobs_created'] as const
export type GoalMeasure = (typeof GOAL_MEASURES)[number]

/** A goal's terms: a target number of jobs to reach over a period. */
export type GoalTerms = {
  startsOn: DateTime
  endsOn: DateTime
  targetJobs: number
}

/** The share of the goal's period elapsed on a day, from 0 (not started) to 1 (over). */
export function elapsedShare(goal: GoalTerms, day: DateTime) {
  const total = goal.endsOn.diff(goal.startsOn, 'days').days
  if (total <= 0) return 1
  const elapsed = day.diff(goal.startsOn, 'days').days
  return Math.min(1, Math.max(0, elapsed / total))
}

/**
 * The straight line from the figure at the goal's start to its target at its end:
 * where the figure should stand on a day to be on track.
 */
export function expectedOn(goal: GoalTerms, startFigure: number, day: DateTime) {
  return startFigure + (goal.targetJobs - startFigure) * elapsedShare(goal, day)
}

/**
 * Where a goal stands on a day: progress towards the target, time elapsed, the
 * figure expected on the straight line, and whether the figure is on track
 * (at or above the line). Before its start a goal is neither on nor off track.
 */
export function goalProgress(goal: GoalTerms, startFigure: number, figure: number, day: DateTime) {
  const started = day >= goal.startsOn
  const expected = expectedOn(goal, startFigure, day)
  return {
    figure,
    startFigure,
    target: goal.targetJobs,
    progress: goal.targetJobs > 0 ? figure / goal.targetJobs : 0,
    elapsed: elapsedShare(goal, day),
    expected,
    started,
    over: day > goal.endsOn,
    reached: figure >= goal.targetJobs,
    onTrack: started ? figure >= expected : null,
    gap: figure - expected,
  }
}

/** Whether a goal's period is over on a day (its last day passed). */
export function goalIsOver(goal: GoalTerms, day: DateTime) {
  return day > goal.endsOn
}

/**
 * How a goal ended (or stands while it runs): the figure on its last day once it is over,
 * and the first month whose figure reached the target, within the goal's period or after.
 */
export function goalOutcome(
  goal: GoalTerms,
  months: { month: DateTime; on: DateTime; figure: number | null }[],
  day: DateTime,
  figureAtEnd: number | null
) {
  const first = months.find(({ figure }) => figure !== null && figure >= goal.targetJobs)
  return {
    over: goalIsOver(goal, day),
    endsOn: goal.endsOn,
    figureAtEnd: goalIsOver(goal, day) ? figureAtEnd : null,
    reachedIn: first?.month ?? null,
    reachedInTime: first ? first.on <= goal.endsOn : false,
  }
}
