import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { CalendarSchema } from '../../model/calendar.js';
import { ApprovalSchema, type ApprovalInput } from '../../model/approval.js';
import { LocalDateTimeSchema } from '../../model/primitives.js';
import type { ScheduleTaskInput } from '../../schedule/scheduleInput.js';
import type { ScheduleResult } from '../../schedule/scheduleProject.js';
import { approvalDueAt } from '../../workflow/approvals/approvalDueAt.js';
import { TimeZoneSchema } from '../../workflow/_time.js';
import type { CalendarItem } from './calendarItem.js';

/** The parts of a `ScheduleResult` read here; anything else in it is ignored. */
const ScheduleShapeSchema = z
  .object({
    tasks: z.array(z.object({ id: z.string().min(1), summary: z.boolean(), milestone: z.boolean(), start: LocalDateTimeSchema, finish: LocalDateTimeSchema }).loose()),
    issues: z.array(z.object({ code: z.string(), taskId: z.string().min(1), date: LocalDateTimeSchema.optional() }).loose()).default([]),
  })
  .loose();

const SourceSchema = z.object({
  schedule: ScheduleShapeSchema,
  tasks: z.array(z.object({ id: z.string().min(1), name: z.string().optional(), deadline: LocalDateTimeSchema.optional() }).loose()).default([]),
  approvals: z.array(ApprovalSchema).default([]),
});

/** What {@link campaignCalendarItems} reads. */
export interface CampaignCalendarSource {
  /** The computed schedule: milestones, tasks and missed deadlines come from it. */
  readonly schedule: ScheduleResult;
  /** The tasks the schedule was computed from: their names and deadlines. */
  readonly tasks?: readonly ScheduleTaskInput[];
  /** The campaign's approvals; the pending ones whose current stage has an SLA become items. */
  readonly approvals?: readonly ApprovalInput[];
}

/** Options of {@link campaignCalendarItems} (see {@link CampaignCalendarItemsOptionsSchema}). */
export const CampaignCalendarItemsOptionsSchema = z.object({
  /** Add every scheduled task that is neither a summary nor a milestone (default false: dates only). */
  includeTasks: z.boolean().default(false),
  /** Show tasks as all-day events over the days they touch rather than at their times (default false). */
  allDayTasks: z.boolean().default(false),
  /** The working calendar approval SLAs are counted on (default Standard). */
  calendar: CalendarSchema.optional(),
  /** Base calendars `calendar` derives from. */
  calendars: z.array(CalendarSchema).default([]),
  /** Time zone of the calendar, which turns approval submission instants into local times (default `UTC`). */
  timeZone: TimeZoneSchema.default('UTC'),
});

/** Options of {@link campaignCalendarItems}. */
export type CampaignCalendarItemsOptions = z.input<typeof CampaignCalendarItemsOptionsSchema>;

type ParsedApproval = z.output<typeof ApprovalSchema>;

function approversOf(approval: ParsedApproval): string[] {
  const round = approval.rounds[approval.rounds.length - 1];
  return round === undefined ? [] : [...(approval.stages[round.currentStage]?.approvers ?? [])];
}

/**
 * Builds the calendar items of a campaign for {@link toICalendar}, without reading any clock:
 *
 * - each scheduled milestone becomes a `milestone` at its scheduled start;
 * - each task with a `deadline` becomes a `deadline` on the deadline's day; a `DEADLINE_MISSED`
 *   issue adds one only for a task not in `tasks` (so a schedule alone still shows the missed ones);
 * - each pending approval whose current stage has an SLA becomes an `approval` due when the SLA ends
 *   ({@link approvalDueAt}), titled by its `title` (or its id), with the current stage's approvers
 *   (member ids; map them to names before exporting if the calendar is read by people);
 * - with `includeTasks`, each scheduled task that is neither a summary nor a milestone becomes a
 *   `task` from its scheduled start to finish.
 *
 * Names come from `tasks` (a task without one is named by its id). Items keep the ids of their task
 * or approval, so their UIDs stay the same from one export to the next. They come in schedule order
 * (milestones and tasks), then deadlines, then approvals; add `description`, `url` or `categories`
 * with a `map` before exporting.
 *
 * Throws `VALIDATION` naming the field for a malformed schedule, task or approval.
 *
 * @example
 * ```ts
 * const plan = { start: '2026-03-02T08:00', tasks: [{ id: 'brief', name: 'Brief', duration: '2d', deadline: '2026-03-03' }, { id: 'launch', name: 'Launch', milestone: true }], links: [{ from: 'brief', to: 'launch' }] };
 * campaignCalendarItems({ schedule: scheduleProject(plan), tasks: plan.tasks });
 * // [{ kind: 'milestone', id: 'launch', name: 'Launch', at: '2026-03-03T17:00' },
 * //  { kind: 'deadline', id: 'brief', name: 'Brief', date: '2026-03-03' }]
 * ```
 */
export function campaignCalendarItems(source: CampaignCalendarSource, options: CampaignCalendarItemsOptions = {}): CalendarItem[] {
  const { schedule, tasks, approvals } = parseInput(SourceSchema, source, 'calendar source');
  const parsed = parseInput(CampaignCalendarItemsOptionsSchema, options, 'calendar item options');
  const names = new Map(tasks.map((task) => [task.id, task.name]));
  const nameOf = (id: string): string => {
    const name = names.get(id);
    return name !== undefined && name.trim() !== '' ? name : id;
  };

  const items: CalendarItem[] = [];
  for (const task of schedule.tasks) {
    if (task.summary) continue;
    if (task.milestone) items.push({ kind: 'milestone', id: task.id, name: nameOf(task.id), at: task.start });
    else if (parsed.includeTasks) items.push({ kind: 'task', id: task.id, name: nameOf(task.id), start: task.start, finish: task.finish, allDay: parsed.allDayTasks });
  }
  for (const task of tasks) {
    if (task.deadline !== undefined) items.push({ kind: 'deadline', id: task.id, name: nameOf(task.id), date: task.deadline.slice(0, 10) });
  }
  const seen = new Set(tasks.map((task) => task.id));
  for (const issue of schedule.issues) {
    if (issue.code !== 'DEADLINE_MISSED' || issue.date === undefined || seen.has(issue.taskId)) continue;
    seen.add(issue.taskId);
    items.push({ kind: 'deadline', id: issue.taskId, name: nameOf(issue.taskId), date: issue.date.slice(0, 10) });
  }
  const calendarOptions = { calendars: parsed.calendars, timeZone: parsed.timeZone, ...(parsed.calendar === undefined ? {} : { calendar: parsed.calendar }) };
  for (const approval of approvals) {
    const due = approvalDueAt(approval, calendarOptions);
    if (due === null) continue;
    const approvers = approversOf(approval);
    items.push({ kind: 'approval', id: approval.id, title: approval.title ?? approval.id, due, ...(approvers.length > 0 ? { approvers } : {}) });
  }
  return items;
}
