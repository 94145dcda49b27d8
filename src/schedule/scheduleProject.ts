import * as z from 'zod';
import { formatLocal } from '../calendar/localTime.js';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { buildSchedule, type BuiltSchedule } from './_build.js';
import { CONSTRAINT_CODES } from './_network.js';
import { rollUp } from './_summaries.js';
import type { ScheduleProjectInput } from './scheduleInput.js';

/** One task's schedule. Dates are local `YYYY-MM-DDTHH:mm`; floats and durations are minutes. */
export interface ScheduledTask {
  /** Task id. */
  readonly id: string;
  /** True for a summary task (its dates roll up from its subtasks). */
  readonly summary: boolean;
  /** True for a milestone. */
  readonly milestone: boolean;
  /** Scheduled start: the early start, the late start for an as-late-as-possible task, or the actual start. */
  readonly start: string;
  /** Scheduled finish. */
  readonly finish: string;
  /** Earliest start the links, constraint and project start allow. */
  readonly earlyStart: string;
  /** Earliest finish. */
  readonly earlyFinish: string;
  /** Latest start that does not delay the project finish (or a constraint or deadline). */
  readonly lateStart: string;
  /** Latest finish. */
  readonly lateFinish: string;
  /** Duration in minutes: working time on the task's calendar, or wall-clock time for an elapsed duration. */
  readonly duration: number;
  /** Total float in minutes on the task's calendar (negative when a constraint or deadline cannot be met). */
  readonly totalFloat: number;
  /** Free float in minutes: how far it can slip before a successor moves. */
  readonly freeFloat: number;
  /** Total float at or below the critical threshold (never for a finished task). */
  readonly critical: boolean;
}

/** Something the schedule cannot honour, reported rather than hidden. */
export interface ScheduleIssue {
  /**
   * `CONSTRAINT_CONFLICT`: a hard constraint holds a task earlier than its links allow;
   * `DEADLINE_MISSED`: a task finishes after its (or its summary's) deadline; `CONSTRAINT_IGNORED`:
   * a summary task's constraint other than start-no-earlier-than, which has no meaning for its
   * subtasks and is not applied.
   */
  readonly code: 'CONSTRAINT_CONFLICT' | 'DEADLINE_MISSED' | 'CONSTRAINT_IGNORED';
  /** The task. */
  readonly taskId: string;
  /** What happened and what to change. */
  readonly message: string;
  /** The start the links require (conflicts) or the deadline (missed deadlines). */
  readonly date?: string;
}

/** Result of {@link scheduleProject}. */
export interface ScheduleResult {
  /** Project start (the earliest scheduled start). */
  readonly start: string;
  /** Project finish (the latest scheduled finish). */
  readonly finish: string;
  /** Ids of critical tasks (not summaries) in dependency order. */
  readonly criticalPath: string[];
  /** Every task, in input order. */
  readonly tasks: ScheduledTask[];
  /** Constraint conflicts and missed deadlines. */
  readonly issues: ScheduleIssue[];
}

const ScheduleOptionsSchema = z.object({ onConflict: z.enum(['report', 'throw']).optional() });

/** Turns a built schedule into the public result. */
export function scheduleResult({ structure: s, engine }: BuiltSchedule): ScheduleResult {
  const dates = rollUp(s, engine);
  const net = engine.net;
  let projectStart = Number.POSITIVE_INFINITY;
  let projectFinish = Number.NEGATIVE_INFINITY;
  const tasks = s.ids.map((id, i): ScheduledTask => {
    const v = s.leafOf[i] as number;
    const start = dates.start[i] as number;
    const finish = dates.finish[i] as number;
    projectStart = Math.min(projectStart, start);
    projectFinish = Math.max(projectFinish, finish);
    let duration: number;
    let totalFloat: number;
    let freeFloat: number;
    if (v === -1) {
      const cal = s.projectCalendar;
      duration = cal.between(start, finish);
      totalFloat = Math.min(cal.between(dates.es[i] as number, dates.ls[i] as number), cal.between(dates.ef[i] as number, dates.lf[i] as number));
      freeFloat = Math.max(0, totalFloat);
    } else {
      duration = net.duration[v] as number;
      totalFloat = engine.tf[v] as number;
      freeFloat = engine.ff[v] as number;
    }
    return {
      id,
      summary: v === -1,
      milestone: v !== -1 && net.milestone[v] === 1,
      start: formatLocal(start),
      finish: formatLocal(finish),
      earlyStart: formatLocal(dates.es[i] as number),
      earlyFinish: formatLocal(dates.ef[i] as number),
      lateStart: formatLocal(dates.ls[i] as number),
      lateFinish: formatLocal(dates.lf[i] as number),
      duration,
      totalFloat: totalFloat === 0 ? 0 : totalFloat,
      freeFloat: freeFloat === 0 ? 0 : freeFloat,
      critical: dates.critical[i] === 1,
    };
  });
  const criticalPath: string[] = [];
  for (const v of engine.graph.order) if (engine.critical[v] === 1) criticalPath.push(net.ids[v] as string);
  const issues: ScheduleIssue[] = [];
  for (let v = 0; v < net.size; v++) {
    const id = net.ids[v] as string;
    const required = engine.conflictStart[v] as number;
    if (!Number.isNaN(required)) {
      const type = CONSTRAINT_CODES[net.constraint[v] as number];
      issues.push({
        code: 'CONSTRAINT_CONFLICT',
        taskId: id,
        date: formatLocal(required),
        message: `Task "${id}" is held by its ${type} constraint (${formatLocal(net.constraintDate[v] as number)}) although its predecessors let it start only at ${formatLocal(required)}; move the constraint or change the links`,
      });
    }
    const deadline = net.deadline[v] as number;
    if (engine.shownFinish(v) > deadline) {
      issues.push({
        code: 'DEADLINE_MISSED',
        taskId: id,
        date: formatLocal(deadline),
        message: `Task "${id}" finishes ${formatLocal(engine.shownFinish(v))}, after its deadline ${formatLocal(deadline)}`,
      });
    }
  }
  for (const summary of s.ignoredConstraints) {
    const id = s.ids[summary] as string;
    issues.push({
      code: 'CONSTRAINT_IGNORED',
      taskId: id,
      message: `Summary task "${id}" has a constraint that cannot hold its subtasks and is ignored; constrain the subtasks instead (a summary's start-no-earlier-than and deadline do apply)`,
    });
  }
  return {
    start: formatLocal(projectStart === Number.POSITIVE_INFINITY ? net.projectStart : projectStart),
    finish: formatLocal(projectFinish === Number.NEGATIVE_INFINITY ? net.projectStart : projectFinish),
    criticalPath,
    tasks,
    issues,
  };
}

/**
 * Schedules a project on working calendars, to Microsoft Project's rules: forward and backward
 * passes over FS/SS/FF/SF links with lags (counted on the successor's calendar), summary tasks,
 * milestones, the eight constraint types, deadlines, actual dates and progress. Floats are reported
 * in minutes, negative when a constraint or deadline cannot be met; constraint conflicts and missed
 * deadlines are listed in `issues`.
 *
 * Throws `VALIDATION` for bad input (naming the field) and for a schedule whose dates would leave
 * the supported years 1900–9999 (naming the task), `CYCLE` when links form a loop.
 *
 * @example
 * ```ts
 * const plan = scheduleProject({
 *   start: '2026-03-02T08:00',
 *   tasks: [{ id: 'brief', duration: '2d' }, { id: 'design', duration: '3d' }, { id: 'launch', duration: '0d' }],
 *   links: [{ from: 'brief', to: 'design' }, { from: 'design', to: 'launch' }],
 * });
 * plan.finish;                 // '2026-03-06T17:00'
 * plan.tasks[1]?.earlyStart;   // '2026-03-04T08:00'
 * plan.criticalPath;           // ['brief', 'design', 'launch']
 * ```
 */
export function scheduleProject(input: ScheduleProjectInput, options: { onConflict?: 'report' | 'throw' } = {}): ScheduleResult {
  parseInput(ScheduleOptionsSchema, options, 'schedule options');
  const result = scheduleResult(buildSchedule(input));
  const conflicts = result.issues.filter((i) => i.code === 'CONSTRAINT_CONFLICT');
  if (options.onConflict === 'throw' && conflicts.length > 0) {
    throw new CampaignKitError('CONSTRAINT_CONFLICT', (conflicts[0] as (typeof conflicts)[number]).message, { details: { conflicts, ids: conflicts.map((c) => c.taskId) } });
  }
  return result;
}
