import * as z from 'zod';
import { parseInput } from '../core/validate.js';
import { InstantSchema, IsoDateSchema } from '../model/primitives.js';
import { timeOf } from './_dates.js';
import { ratAdd, ratDiv, ratInt, ratToNumber, type Rational } from './_rational.js';
import { TeamTaskRecordSchema, type TeamTaskRecord, type TeamTaskRecordInput } from './teamTaskRecord.js';

const MS_PER_HOUR = 3_600_000;

/** Input of {@link teamMetrics}. */
export const TeamMetricsInputSchema = z
  .object({
    /** The tasks. */
    tasks: z.array(TeamTaskRecordSchema).max(100_000),
    /** The moment the metrics describe; later events are ignored. */
    asOf: InstantSchema,
    /** Optional period (inclusive days, UTC); default everything up to `asOf`. */
    period: z
      .object({
        /** First day. */
        from: IsoDateSchema,
        /** Last day. */
        to: IsoDateSchema,
      })
      .refine((p) => p.from <= p.to, { message: 'to must not be before from', path: ['to'] })
      .optional(),
    /** One group per person (`assignee`), team, campaign, or a single `overall` group (default). */
    groupBy: z.enum(['overall', 'assignee', 'team', 'campaign']).default('overall'),
  });
/** Input of {@link teamMetrics}. */
export type TeamMetricsInput = Omit<z.input<typeof TeamMetricsInputSchema>, 'tasks'> & { readonly tasks: readonly TeamTaskRecordInput[] };

/** Average duration of one stage's finished tasks. */
export interface StageCycleTime {
  /** Mean hours from start to finish. */
  readonly averageHours: number;
  /** Tasks averaged. */
  readonly count: number;
}

/** Team performance metrics of one group. */
export interface TeamMetrics {
  /** The person, team or campaign id; `all` for the overall group. */
  readonly key: string;
  /** Tasks in scope: not cancelled, assigned by the period's end, not finished before its start. */
  readonly taskCount: number;
  /** Tasks in scope finished within the period (by `asOf`). */
  readonly completed: number;
  /** `completed / taskCount`. */
  readonly completionRate: number | null;
  /** Completed tasks that had a due time. */
  readonly completedWithDue: number;
  /** Completed tasks finished on or before their due time. */
  readonly onTime: number;
  /** `onTime / completedWithDue`. */
  readonly onTimeRate: number | null;
  /** Tasks in scope that have a due time. */
  readonly withDue: number;
  /** Tasks in scope not finished at `asOf` whose due time has passed. */
  readonly overdue: number;
  /** `overdue / withDue`. */
  readonly overdueRate: number | null;
  /** Mean hours from assignment to start, over tasks with both (a start before assignment counts as 0). */
  readonly averageResponseHours: number | null;
  /** Mean hours from start to finish of the completed tasks. */
  readonly averageCycleHours: number | null;
  /** Cycle time of completed tasks per process stage. */
  readonly cycleTimeByStage: Readonly<Record<string, StageCycleTime>>;
}

function ratio(part: number, whole: number): number | null {
  const value = ratDiv(ratInt(part), ratInt(whole));
  return value === null ? null : ratToNumber(value);
}

function meanHours(durations: readonly number[]): number | null {
  const total = durations.reduce<Rational>((sum, ms) => ratAdd(sum, ratInt(ms)), ratInt(0));
  const mean = ratDiv(total, ratInt(durations.length * MS_PER_HOUR));
  return mean === null ? null : ratToNumber(mean);
}

function keysOf(task: TeamTaskRecord, groupBy: z.output<typeof TeamMetricsInputSchema>['groupBy']): string[] {
  if (groupBy === 'overall') return ['all'];
  if (groupBy === 'campaign') return [task.campaignId];
  if (groupBy === 'team') return task.team === undefined ? [] : [task.team];
  return [...new Set(task.assigneeIds)];
}

/** A task's times in epoch milliseconds, as seen at `asOf` (later events not yet happened). */
interface Timeline {
  readonly stageId?: string;
  readonly assigned?: number;
  readonly started?: number;
  /** Finish time, for a task finished by `asOf`; `null` for one marked done without a time. */
  readonly finished?: number | null;
  /** Due time; a bare due date is the end of that day. */
  readonly due?: number;
}

function timelineOf(t: TeamTaskRecord, asOf: number): Timeline {
  const started = t.startedAt === undefined ? undefined : timeOf(t.startedAt);
  const finishedAt = t.finishedAt === undefined ? null : timeOf(t.finishedAt);
  const finished = t.statusCategory !== 'done' || (finishedAt !== null && finishedAt > asOf) ? undefined : finishedAt;
  return {
    ...(t.stageId !== undefined ? { stageId: t.stageId } : {}),
    ...(t.assignedAt !== undefined ? { assigned: timeOf(t.assignedAt) } : {}),
    ...(started !== undefined && started <= asOf ? { started } : {}),
    ...(finished !== undefined ? { finished } : {}),
    ...(t.due !== undefined ? { due: timeOf(t.due, true) } : {}),
  };
}

function measure(key: string, tasks: readonly Timeline[], asOf: number, from: number, to: number): TeamMetrics {
  // Without a period every finished task counts; with one, only those finished inside it.
  const completedTasks = tasks.filter((t) =>
    t.finished === null ? from === -Infinity : t.finished !== undefined && t.finished >= from && t.finished <= to,
  );
  const completedWithDue = completedTasks.filter((t) => t.due !== undefined && typeof t.finished === 'number');
  const onTime = completedWithDue.filter((t) => (t.finished ?? 0) <= (t.due ?? 0)).length;
  const withDue = tasks.filter((t) => t.due !== undefined);
  const overdue = withDue.filter((t) => t.finished === undefined && (t.due ?? 0) < asOf).length;
  const responses = tasks.flatMap((t) => (t.assigned !== undefined && t.started !== undefined ? [Math.max(0, t.started - t.assigned)] : []));
  const cycles = completedTasks.flatMap((t) =>
    t.started !== undefined && typeof t.finished === 'number' ? [{ stageId: t.stageId, ms: t.finished - t.started }] : [],
  );
  const cycleTimeByStage: Record<string, StageCycleTime> = {};
  for (const stage of [...new Set(cycles.flatMap((c) => (c.stageId === undefined ? [] : [c.stageId])))].sort()) {
    const durations = cycles.filter((c) => c.stageId === stage).map((c) => c.ms);
    cycleTimeByStage[stage] = { averageHours: meanHours(durations) ?? 0, count: durations.length };
  }
  return {
    key,
    taskCount: tasks.length,
    completed: completedTasks.length,
    completionRate: ratio(completedTasks.length, tasks.length),
    completedWithDue: completedWithDue.length,
    onTime,
    onTimeRate: ratio(onTime, completedWithDue.length),
    withDue: withDue.length,
    overdue,
    overdueRate: ratio(overdue, withDue.length),
    averageResponseHours: meanHours(responses),
    averageCycleHours: meanHours(cycles.map((c) => c.ms)),
    cycleTimeByStage,
  };
}

/**
 * Team performance from task records, per person, team or campaign: completion rate, on-time
 * rate, overdue rate, average response time (assignment to start) and cycle time (start to
 * finish) per stage, in elapsed hours. Everything is judged at `asOf`: a task finished later
 * counts as open. Cancelled tasks are left out. With a period, a task is in scope when it was
 * assigned (or started) by the period's last day and not finished before its first day, and it
 * counts as completed when it was finished within the period.
 *
 * @throws CampaignKitError `VALIDATION` for bad input (e.g. a finish before the start).
 * @example
 * ```ts
 * teamMetrics({
 *   asOf: '2026-03-20T18:00:00Z',
 *   groupBy: 'assignee',
 *   tasks: [
 *     { id: 't1', campaignId: 'c', assigneeIds: ['li'], statusCategory: 'done', assignedAt: '2026-03-02T09:00:00Z',
 *       startedAt: '2026-03-02T13:00:00Z', finishedAt: '2026-03-05T13:00:00Z', due: '2026-03-06' },
 *     { id: 't2', campaignId: 'c', assigneeIds: ['li'], statusCategory: 'in_progress', due: '2026-03-10' },
 *   ],
 * });
 * // [{ key: 'li', taskCount: 2, completed: 1, completionRate: 0.5, completedWithDue: 1, onTime: 1, onTimeRate: 1,
 * //    withDue: 2, overdue: 1, overdueRate: 0.5, averageResponseHours: 4, averageCycleHours: 72, cycleTimeByStage: {} }]
 * ```
 */
export function teamMetrics(input: TeamMetricsInput): TeamMetrics[] {
  const { tasks, asOf, period, groupBy } = parseInput(TeamMetricsInputSchema, input, 'team metrics input');
  const now = timeOf(asOf);
  const from = period ? timeOf(period.from) : -Infinity;
  const to = period ? Math.min(timeOf(period.to, true), now) : now;
  const groups = new Map<string, Timeline[]>();
  for (const task of tasks) {
    if (task.statusCategory === 'cancelled') continue;
    const timeline = timelineOf(task, now);
    const begun = timeline.assigned ?? timeline.started;
    if (begun !== undefined && begun > to) continue;
    if (typeof timeline.finished === 'number' && timeline.finished < from) continue;
    for (const key of keysOf(task, groupBy)) {
      const group = groups.get(key);
      if (group) group.push(timeline);
      else groups.set(key, [timeline]);
    }
  }
  return [...groups.keys()].sort().map((key) => measure(key, groups.get(key) ?? [], now, from, to));
}
