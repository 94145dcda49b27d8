import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import type { WorkingCalendar } from '../../calendar/workingCalendar.js';
import { DependencySchema, type Dependency } from '../../model/dependency.js';
import type { TaskId } from '../../model/ids.js';
import { InstantSchema, LocalDateTimeSchema } from '../../model/primitives.js';
import { TaskSchema, type Task } from '../../model/task.js';
import type { ScheduledTask } from '../../schedule/scheduleProject.js';
import { calendarContextOf, CalendarOptionsSchema, type CalendarOptionsInput } from '../calendarOptions.js';
import { localDateTime, normalizeLocal } from '../_time.js';
import { isFinished } from '../status/transitionBlockers.js';
import { forecastSchedules } from './_forecast.js';
import { linkPush } from './_linkPush.js';
import { byKeys, taskPeople, uniqueRoles, workingTimeText } from './_items.js';
import { resolveDuration } from '../../calendar/duration.js';
import { StagePlanSchema, type StagePlan } from '../../model/template.js';
import type { Notify } from './dueReminders.js';

/** Kinds of delay risk, in the order they are listed. */
export const RISK_KINDS = ['deadline.atRisk', 'stage.slaAtRisk', 'critical.notStarted', 'float.consumed'] as const;

/** A task whose forecast finish is after its deadline (a milestone's, typically). */
export interface DeadlineRisk {
  readonly kind: 'deadline.atRisk';
  /** The task. */
  readonly taskId: TaskId;
  /** Whether it is a milestone. */
  readonly milestone: boolean;
  /** Its deadline. */
  readonly deadline: string;
  /** Its forecast finish. */
  readonly forecastFinish: string;
  /** Working minutes from the deadline to the forecast finish. */
  readonly lateMinutes: number;
  /** Who should be told. */
  readonly notify: Notify;
  /** Why. */
  readonly reason: string;
}

/** A critical task that has not started although its late start has passed. */
export interface CriticalNotStartedRisk {
  readonly kind: 'critical.notStarted';
  /** The task. */
  readonly taskId: TaskId;
  /** Its late start in the plan. */
  readonly lateStart: string;
  /** Working minutes from the late start to now. */
  readonly lateMinutes: number;
  /** Who should be told. */
  readonly notify: Notify;
  /** Why. */
  readonly reason: string;
}

/** A task pushed by a late predecessor by at least its total float. */
export interface FloatConsumedRisk {
  readonly kind: 'float.consumed';
  /** The task whose float is eaten. */
  readonly taskId: TaskId;
  /** The predecessor that slipped the most. */
  readonly predecessorId: TaskId;
  /** Working minutes the predecessor's forecast date (its finish, or its start for SS and SF links) is after the planned one. */
  readonly slipMinutes: number;
  /** Working minutes that slip pushes this task, after the slack the link had in the plan. */
  readonly pushMinutes: number;
  /** The task's total float in the plan, in working minutes. */
  readonly floatMinutes: number;
  /** Who should be told. */
  readonly notify: Notify;
  /** Why. */
  readonly reason: string;
}

/** A stage whose forecast runs past its SLA: from its first task's start to its last task's forecast finish. */
export interface StageSlaRisk {
  readonly kind: 'stage.slaAtRisk';
  /** The stage. */
  readonly stageId: string;
  /** When its SLA ends: its SLA in working time from its (actual or forecast) start. */
  readonly dueAt: string;
  /** Its last task's forecast finish. */
  readonly forecastFinish: string;
  /** Working minutes from `dueAt` to the forecast finish. */
  readonly lateMinutes: number;
  /** Who should be told: the people on its unfinished tasks, its owner role and the manager. */
  readonly notify: Notify;
  /** Why. */
  readonly reason: string;
}

/** A delay risk. */
export type Risk = DeadlineRisk | StageSlaRisk | CriticalNotStartedRisk | FloatConsumedRisk;

/** What {@link risks} looks at. */
export interface RiskState {
  /** Tasks with their progress (status, actual dates, percent complete). */
  readonly tasks: readonly Task[];
  /** Dependencies. */
  readonly links: readonly Dependency[];
  /** Stage plans from instantiation: an unfinished stage forecast to pass its SLA is a risk. */
  readonly stages?: readonly StagePlan[];
}

/** A {@link RiskState} as accepted on input. */
export const RiskStateSchema = z.object({
  /** Tasks with their progress. */
  tasks: z.array(TaskSchema),
  /** Dependencies. */
  links: z.array(DependencySchema),
  /** Stage plans. */
  stages: z.array(StagePlanSchema).optional(),
});

/** Options of {@link risks}, as parsed. */
export const RiskOptionsSchema = CalendarOptionsSchema.extend({
  /** The current instant. */
  now: InstantSchema,
  /** Project start for the plan. */
  start: LocalDateTimeSchema.optional(),
});

/** Options of {@link risks}. */
export interface RiskOptions extends CalendarOptionsInput {
  /** The current instant. */
  readonly now: string;
  /** Project start for the plan (default: the earliest planned task start, else now). */
  readonly start?: string;
}

const notStarted = (t: Task) => (t.statusCategory === 'backlog' || t.statusCategory === 'todo') && t.actualStart === undefined;

/** The two schedules and the calendar every check reads. */
interface Schedules {
  readonly plan: ReadonlyMap<string, ScheduledTask>;
  readonly forecast: ReadonlyMap<string, ScheduledTask>;
  readonly tasks: ReadonlyMap<string, Task>;
  readonly links: readonly Dependency[];
  readonly calendar: WorkingCalendar;
  readonly local: string;
}

const planOf = (s: Schedules, id: string) => s.plan.get(id) as ScheduledTask;
const forecastOf = (s: Schedules, id: string) => s.forecast.get(id) as ScheduledTask;

function deadlineRisk(task: Task, s: Schedules): DeadlineRisk[] {
  if (task.deadline === undefined) return [];
  const deadline = normalizeLocal(task.deadline);
  const finish = forecastOf(s, task.id).finish;
  if (finish <= deadline) return [];
  const late = s.calendar.workingMinutesBetween(deadline, finish);
  const reason = `The ${task.milestone ? 'milestone' : 'task'} '${task.name}' is forecast to finish ${finish}, ${workingTimeText(late)} after its deadline ${deadline}`;
  return [{ kind: 'deadline.atRisk', taskId: task.id, milestone: task.milestone, deadline, forecastFinish: finish, lateMinutes: late, notify: { members: taskPeople(task), roles: ['manager'] }, reason }];
}

function stageRisk(stage: StagePlan, s: Schedules): StageSlaRisk[] {
  const own = stage.taskIds.map((id) => s.tasks.get(id)).filter((t): t is Task => t !== undefined && s.forecast.has(t.id));
  if (own.length === 0 || own.every((t) => isFinished(t.statusCategory))) return [];
  const start = own.map((t) => normalizeLocal(t.actualStart ?? forecastOf(s, t.id).start)).sort()[0] as string;
  const finish = own.map((t) => forecastOf(s, t.id).finish).sort().at(-1) as string;
  const dueAt = s.calendar.addWorkingMinutes(s.calendar.nextWorkingStart(start), resolveDuration(stage.sla).minutes);
  if (finish <= dueAt) return [];
  const late = s.calendar.workingMinutesBetween(dueAt, finish);
  const members = [...new Set(own.filter((t) => !isFinished(t.statusCategory)).flatMap(taskPeople))];
  const reason = `Stage '${stage.name}' is forecast to finish ${finish}, ${workingTimeText(late)} after its SLA ends ${dueAt}`;
  return [{ kind: 'stage.slaAtRisk', stageId: stage.stageId, dueAt, forecastFinish: finish, lateMinutes: late, notify: { members, roles: uniqueRoles([stage.ownerRole, 'manager']) }, reason }];
}

function criticalRisk(task: Task, s: Schedules): CriticalNotStartedRisk[] {
  const p = planOf(s, task.id);
  if (!p.critical || !notStarted(task) || s.local <= p.lateStart) return [];
  const late = s.calendar.workingMinutesBetween(p.lateStart, s.local);
  const reason = `'${task.name}' is on the critical path and has not started; its late start was ${p.lateStart} (${workingTimeText(late)} ago)`;
  return [{ kind: 'critical.notStarted', taskId: task.id, lateStart: p.lateStart, lateMinutes: late, notify: { members: taskPeople(task), roles: ['manager'] }, reason }];
}

function floatRisk(task: Task, s: Schedules): FloatConsumedRisk[] {
  const p = planOf(s, task.id);
  const [worst] = s.links
    .filter((l) => l.to === task.id && s.tasks.get(l.from)?.statusCategory !== 'cancelled')
    .map((l) => ({ id: l.from as string, ...linkPush(l, { plan: planOf(s, l.from), forecast: forecastOf(s, l.from) }, p, s.calendar) }))
    .filter((x) => x.slip > 0 && x.push > 0)
    .sort(byKeys((x) => [-x.push, x.id]));
  if (worst === undefined || worst.push < p.totalFloat) return [];
  const pred = s.tasks.get(worst.id) as Task;
  const reason = `'${task.name}' had ${workingTimeText(p.totalFloat)} of float; its predecessor '${pred.name}' is forecast to ${worst.end} ${worst.forecast} instead of ${worst.planned}, which pushes it ${workingTimeText(worst.push)}`;
  const members = [...new Set([...taskPeople(task), ...taskPeople(pred)])];
  return [
    { kind: 'float.consumed', taskId: task.id, predecessorId: pred.id, slipMinutes: worst.slip, pushMinutes: worst.push, floatMinutes: p.totalFloat, notify: { members, roles: ['manager'] }, reason },
  ];
}

/**
 * Delay risks at `now`, from two schedules of the same tasks and links on the calendar: the plan
 * (no progress) and a forecast (done tasks at their actual dates, started tasks finishing their
 * remaining work from now, unstarted tasks starting no earlier than now). It reports a task that a
 * late predecessor pushes by at least the task's total float in the plan (`float.consumed`; the
 * push is the predecessor's slip less the slack its link had in the plan), a task (typically a
 * milestone) whose forecast finish is after its deadline (`deadline.atRisk`), an unfinished stage
 * forecast to finish after its SLA ends (`stage.slaAtRisk`, when `stages` are given), and a
 * critical task not started although its late start has passed (`critical.notStarted`). Each names
 * who to tell and why. Sorted by kind, then task (or stage) id.
 *
 * @example
 * ```ts
 * // Produce campaign materials started on time but is only 20 % done two and a quarter days in.
 * risks({ tasks, links }, { now: '2026-03-20T02:00:00Z', timeZone: 'Asia/Shanghai' });
 * // [{ kind: 'float.consumed', taskId: 'execution-2', predecessorId: 'execution-1', slipMinutes: 600, pushMinutes: 600,
 * //    floatMinutes: 0, notify: { members: ['m-wang'], roles: ['manager'] }, reason: "'Legal review of materials' had 0 ..." }, ...]
 * ```
 */
export function risks(state: RiskState, options: RiskOptions): Risk[] {
  return risksParsed(parseInput(RiskStateSchema, state, 'risk state'), options);
}

/** {@link risks} for a state already parsed (a workspace's stored records); the options are still parsed. */
export function risksParsed(state: RiskState, options: RiskOptions): Risk[] {
  const { now, start, ...calendarOptions } = parseInput(RiskOptionsSchema, options, 'risk options');
  const context = calendarContextOf(calendarOptions);
  const { calendar, timeZone } = context;
  const local = localDateTime(now, timeZone);
  const planned = state.tasks.map((t) => t.start).filter((s): s is string => s !== undefined).map(normalizeLocal).sort();
  const projectStart = normalizeLocal(start ?? planned[0] ?? local);
  const { plan, forecast } = forecastSchedules(state, context, projectStart, local);
  const schedules: Schedules = { plan, forecast, tasks: new Map(state.tasks.map((t) => [t.id as string, t])), links: state.links, calendar, local };
  const summaries = new Set(state.tasks.map((t) => t.parentId).filter((id) => id !== undefined));
  const items: Risk[] = state.tasks
    .filter((task) => !isFinished(task.statusCategory))
    .flatMap((task): Risk[] => [
      ...deadlineRisk(task, schedules),
      // Summary tasks roll up their subtasks, whose own risks already say it.
      ...(summaries.has(task.id) ? [] : [...criticalRisk(task, schedules), ...floatRisk(task, schedules)]),
    ]);
  items.push(...(state.stages ?? []).flatMap((stage) => stageRisk(stage, schedules)));
  return items.sort(byKeys((r) => [RISK_KINDS.indexOf(r.kind), r.kind === 'stage.slaAtRisk' ? r.stageId : r.taskId]));
}
