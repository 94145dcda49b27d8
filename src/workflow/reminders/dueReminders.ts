import * as z from 'zod';
import type { WorkingCalendar } from '../../calendar/workingCalendar.js';
import { resolveDuration } from '../../calendar/duration.js';
import { parseInput } from '../../core/validate.js';
import { DelegationSchema, type Approval, type Delegation } from '../../model/approval.js';
import type { ApprovalId, MemberId, StageId, TaskId } from '../../model/ids.js';
import { InstantSchema } from '../../model/primitives.js';
import { TaskSchema, type Task } from '../../model/task.js';
import { StagePlanSchema, type StagePlan } from '../../model/template.js';
import { calendarContextOf, CalendarOptionsSchema, type CalendarOptionsInput } from '../calendarOptions.js';
import { localDateTime, normalizeLocal } from '../_time.js';
import { stageDueAt } from '../approvals/approvalDueAt.js';
import { activeDelegations, ApprovalStateSchema, latestRound, waitingApprovers } from '../_approvalRounds.js';
import { isFinished, isStarted } from '../status/transitionBlockers.js';
import { byKeys, taskPeople, uniqueRoles, workingTimeText } from './_items.js';

/** Who should be told: members by id, and roles for the host to resolve (e.g. the campaign's managers). */
export interface Notify {
  /** Members, in a stable order (owner first, then assignees). */
  readonly members: readonly MemberId[];
  /** Roles or departments. */
  readonly roles: readonly string[];
}

/** Kinds of reminder, in the order items with the same due time are listed. */
export const REMINDER_KINDS = ['task.overdue', 'stage.slaBreached', 'approval.overdue', 'task.dueSoon', 'stage.slaDueSoon', 'approval.dueSoon'] as const;
/** One of {@link REMINDER_KINDS}. */
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Something due soon or overdue, who to tell, and why. */
export interface Reminder {
  /** What is due. */
  readonly kind: ReminderKind;
  /** The task (task items). */
  readonly taskId?: TaskId;
  /** The stage (stage items). */
  readonly stageId?: StageId;
  /** The approval (approval items). */
  readonly approvalId?: ApprovalId;
  /** When it is (or was) due, local to the calendar. */
  readonly dueAt: string;
  /** Working minutes from now to `dueAt`; negative when overdue. */
  readonly workingMinutesLeft: number;
  /** Who should be told. */
  readonly notify: Notify;
  /** Why, in words. */
  readonly reason: string;
}

/** What {@link dueReminders} looks at. */
export interface ReminderState {
  /** Tasks; their planned `finish` is their due time. */
  readonly tasks: readonly Task[];
  /** Approvals; pending ones with a stage SLA are checked. */
  readonly approvals?: readonly Approval[];
  /** Stage plans from instantiation; started, unfinished stages are checked against their SLA. */
  readonly stages?: readonly StagePlan[];
}

/** A {@link ReminderState} as accepted on input. */
export const ReminderStateSchema = z.object({
  /** Tasks; their planned `finish` is their due time. */
  tasks: z.array(TaskSchema),
  /** Approvals; pending ones with a stage SLA are checked. */
  approvals: z.array(ApprovalStateSchema).default([]),
  /** Stage plans from instantiation. */
  stages: z.array(StagePlanSchema).default([]),
});

/** Options of {@link dueReminders}, as parsed. */
export const ReminderOptionsSchema = CalendarOptionsSchema.extend({
  /** The current instant. */
  now: InstantSchema,
  /** How far ahead "due soon" looks, in working hours. */
  leadHours: z.number().min(0).max(10_000).default(8),
  /** Delegations, so a delegate of an absent approver is told too. */
  delegations: z.array(DelegationSchema).default([]),
});

/** Options of {@link dueReminders}. */
export interface ReminderOptions extends CalendarOptionsInput {
  /** The current instant; the host calls on its own schedule. */
  readonly now: string;
  /** How far ahead "due soon" looks, in working hours (default 8). */
  readonly leadHours?: number;
  /** Delegations, so a delegate of an absent approver is told too. */
  readonly delegations?: readonly z.input<typeof DelegationSchema>[];
}

interface Moment {
  readonly nowMs: number;
  readonly local: string;
  readonly leadMinutes: number;
  readonly calendar: WorkingCalendar;
}

function timing(clock: Moment, dueAt: string): { overdue: boolean; left: number } | null {
  const overdue = clock.local > dueAt;
  const left = overdue ? -clock.calendar.workingMinutesBetween(dueAt, clock.local) : clock.calendar.workingMinutesBetween(clock.local, dueAt);
  if (!overdue && left > clock.leadMinutes) return null;
  return { overdue, left: left === 0 ? 0 : left };
}

function taskItems(tasks: readonly Task[], clock: Moment): Reminder[] {
  return tasks.flatMap((task): Reminder[] => {
    if (task.finish === undefined || isFinished(task.statusCategory)) return [];
    const dueAt = normalizeLocal(task.finish);
    const t = timing(clock, dueAt);
    if (t === null) return [];
    const people = taskPeople(task);
    if (t.overdue) {
      const reason = `'${task.name}' was due ${dueAt} and is not done (${workingTimeText(t.left)} late)`;
      return [{ kind: 'task.overdue', taskId: task.id, dueAt, workingMinutesLeft: t.left, notify: { members: people, roles: ['manager'] }, reason }];
    }
    const reason = `'${task.name}' is due ${dueAt}, in ${workingTimeText(t.left)}`;
    return [{ kind: 'task.dueSoon', taskId: task.id, dueAt, workingMinutesLeft: t.left, notify: { members: people, roles: [] }, reason }];
  });
}

function stageItems(stages: readonly StagePlan[], tasks: readonly Task[], clock: Moment): Reminder[] {
  return stages.flatMap((stage): Reminder[] => {
    const own = stage.taskIds.map((id) => tasks.find((t) => t.id === id)).filter((t) => t !== undefined);
    if (own.length === 0 || own.every((t) => isFinished(t.statusCategory))) return [];
    const starts = own.filter((t) => t.actualStart !== undefined || isStarted(t.statusCategory)).map((t) => normalizeLocal(t.actualStart ?? stage.plannedStart ?? clock.local));
    if (starts.length === 0) return [];
    const startedAt = [...starts].sort()[0] as string;
    const dueAt = clock.calendar.addWorkingMinutes(clock.calendar.nextWorkingStart(startedAt), resolveDuration(stage.sla).minutes);
    const t = timing(clock, dueAt);
    if (t === null) return [];
    const members = [...new Set(own.filter((x) => !isFinished(x.statusCategory)).flatMap(taskPeople))];
    const sla = typeof stage.sla === 'string' ? stage.sla : `${stage.sla.value}${stage.sla.unit}`;
    if (t.overdue) {
      const reason = `Stage '${stage.name}' started ${startedAt} and passed its ${sla} SLA at ${dueAt} (${workingTimeText(t.left)} ago)`;
      return [{ kind: 'stage.slaBreached', stageId: stage.stageId, dueAt, workingMinutesLeft: t.left, notify: { members, roles: uniqueRoles([stage.ownerRole, 'manager']) }, reason }];
    }
    const reason = `Stage '${stage.name}' started ${startedAt}; its ${sla} SLA ends ${dueAt}, in ${workingTimeText(t.left)}`;
    return [{ kind: 'stage.slaDueSoon', stageId: stage.stageId, dueAt, workingMinutesLeft: t.left, notify: { members, roles: [stage.ownerRole] }, reason }];
  });
}

function approvalItems(approvals: readonly Approval[], delegations: readonly Delegation[], clock: Moment, timeZone: string): Reminder[] {
  return approvals.flatMap((approval): Reminder[] => {
    const dueAt = stageDueAt(approval, clock.calendar, timeZone);
    const round = latestRound(approval);
    if (dueAt === null || round === undefined) return [];
    const t = timing(clock, dueAt);
    if (t === null) return [];
    const stage = approval.stages[round.currentStage];
    if (stage === undefined) return [];
    const waiting = waitingApprovers(approval);
    const delegates = activeDelegations(delegations, clock.nowMs).filter((d) => waiting.includes(d.approverId)).map((d) => d.delegateId);
    const members = [...new Set([...waiting, ...delegates])];
    const sla = `${stage.slaHours}-${stage.slaBasis === 'elapsed' ? 'hour' : 'working-hour'} SLA`;
    const what = `Approval '${approval.title ?? approval.id}'${approval.stages.length > 1 ? ` (stage '${stage.name}')` : ''} waits for ${waiting.join(', ')}`;
    if (t.overdue) {
      const tell = stage.escalateToRole === undefined ? '' : `; escalate to ${stage.escalateToRole}`;
      const reason = `${what} past its ${sla}, which ended ${dueAt}${tell}`;
      return [{ kind: 'approval.overdue', approvalId: approval.id, dueAt, workingMinutesLeft: t.left, notify: { members, roles: uniqueRoles([stage.escalateToRole]) }, reason }];
    }
    const reason = `${what}; its ${sla} ends ${dueAt}, in ${workingTimeText(t.left)}`;
    return [{ kind: 'approval.dueSoon', approvalId: approval.id, dueAt, workingMinutesLeft: t.left, notify: { members, roles: [] }, reason }];
  });
}

/**
 * What is due soon or overdue at `now`: tasks whose planned finish is within `leadHours` working
 * hours or past; started stages about to pass or past their SLA (working time from the stage's first
 * actual start); pending approvals whose current stage's SLA is about to end or has ended. Each item
 * names who to tell and why. A pure query: the host calls it on its own schedule and sends the
 * notifications. Sorted by due time, then kind, then id.
 *
 * @example
 * ```ts
 * dueReminders({ tasks }, { now: '2026-03-04T06:00:00Z', timeZone: 'Asia/Shanghai' });
 * // [{ kind: 'task.dueSoon', taskId: 'research', dueAt: '2026-03-04T17:00', workingMinutesLeft: 180,
 * //    notify: { members: ['m-li'], roles: [] }, reason: "'Research demand…' is due 2026-03-04T17:00, in 3 working hours" }]
 * ```
 */
export function dueReminders(state: ReminderState, options: ReminderOptions): Reminder[] {
  return dueRemindersParsed(parseInput(ReminderStateSchema, state, 'reminder state'), options);
}

/** {@link dueReminders} for a state already parsed (a workspace's stored records); the options are still parsed. */
export function dueRemindersParsed(state: ReminderState, options: ReminderOptions): Reminder[] {
  const { now, leadHours, delegations, ...calendarOptions } = parseInput(ReminderOptionsSchema, options, 'reminder options');
  const { calendar, timeZone } = calendarContextOf(calendarOptions);
  const clock: Moment = { nowMs: Date.parse(now), local: localDateTime(now, timeZone), leadMinutes: Math.round(leadHours * 60), calendar };
  const items = [
    ...taskItems(state.tasks, clock),
    ...stageItems(state.stages ?? [], state.tasks, clock),
    ...approvalItems(state.approvals ?? [], delegations, clock, timeZone),
  ];
  return items.sort(byKeys((r) => [r.dueAt, REMINDER_KINDS.indexOf(r.kind), r.taskId ?? r.stageId ?? r.approvalId ?? '']));
}
