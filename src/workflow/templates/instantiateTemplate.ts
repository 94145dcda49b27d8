import { produce } from 'immer';
import * as z from 'zod';
import { resolveDuration } from '../../calendar/duration.js';
import { invalidField, parseInput } from '../../core/validate.js';
import type { Approval } from '../../model/approval.js';
import { CalendarSchema, type CalendarInput } from '../../model/calendar.js';
import type { Dependency } from '../../model/dependency.js';
import { CampaignIdSchema, type TaskId } from '../../model/ids.js';
import { DurationInputSchema, LocalDateTimeSchema, type DurationInput } from '../../model/primitives.js';
import type { Task } from '../../model/task.js';
import type { ProcessTemplate, ProcessTemplateInput, StagePlan } from '../../model/template.js';
import { scheduleProject } from '../../schedule/scheduleProject.js';
import { RoleDirectorySchema, type RoleDirectoryInput } from '../roleDirectory.js';
import { normalizeLocal } from '../_time.js';
import { StatusWorkflowSchema, type StatusWorkflow } from '../status/statusWorkflow.js';
import { expandTemplate } from './_expandTemplate.js';
import { defineTemplate } from './defineTemplate.js';

/** Options of {@link instantiateTemplate}. */
export const InstantiateOptionsSchema = z.object({
  /** The campaign the tasks belong to. */
  campaignId: CampaignIdSchema,
  /** First day (`YYYY-MM-DD`) or moment (`YYYY-MM-DDTHH:mm`); work starts at the next working time. */
  start: LocalDateTimeSchema,
  /** Who holds each role: owners and approvers are taken from here. */
  directory: RoleDirectorySchema.default({ assignees: {}, members: [] }),
  /** Stage durations replacing the template's, by stage id (e.g. execution "per plan"). */
  durations: z.record(z.string(), DurationInputSchema).default({}),
  /** Prefix for every generated id, so one campaign can hold two instances of a template. */
  idPrefix: z.string().max(100).default(''),
  /** The campaign's calendar (default Standard). */
  calendar: CalendarSchema.optional(),
  /** Base calendars `calendar` derives from. */
  calendars: z.array(CalendarSchema).default([]),
  /** Status workflows per task type, for each new task's initial status. */
  workflows: z.array(StatusWorkflowSchema).default([]),
});

/** Options of {@link instantiateTemplate}. */
export interface InstantiateOptions {
  /** The campaign the tasks belong to. */
  readonly campaignId: string;
  /** First day (`YYYY-MM-DD`) or moment (`YYYY-MM-DDTHH:mm`). */
  readonly start: string;
  /** Who holds each role. */
  readonly directory?: RoleDirectoryInput;
  /** Stage durations replacing the template's, by stage id. */
  readonly durations?: Readonly<Record<string, DurationInput>>;
  /** Prefix for every generated id. */
  readonly idPrefix?: string;
  /** The campaign's calendar (default Standard). */
  readonly calendar?: CalendarInput;
  /** Base calendars `calendar` derives from. */
  readonly calendars?: readonly CalendarInput[];
  /** Status workflows per task type. */
  readonly workflows?: readonly StatusWorkflow[];
}

/** A template turned into a campaign's plan. */
export interface InstantiatedTemplate {
  /** Tasks with owners, checklists and scheduled dates, stage by stage. */
  readonly tasks: Task[];
  /** Dependencies: inside sequential stages, and between stages as the template links them. */
  readonly links: Dependency[];
  /** Draft approvals, one per gated task, ready to submit. */
  readonly approvals: Approval[];
  /** Each stage's tasks, owner role, SLA and planned dates, for stage SLA reminders. */
  readonly stages: StagePlan[];
  /** Scheduled start of the first task. */
  readonly start: string;
  /** Scheduled finish of the last task. */
  readonly finish: string;
  /** Critical tasks in dependency order. */
  readonly criticalPath: TaskId[];
  /** Stage owner roles nobody holds: their tasks have no owner yet. */
  readonly unassignedRoles: string[];
}

/**
 * Turns a process template into a campaign's plan: one task per default task of each stage (or one
 * named after the stage), owned by the first member holding the stage's owner role, with the
 * stage's acceptance criteria as checklist items of its last task; finish-to-start links inside
 * sequential stages and between stages (or the template's own links); a draft approval for each
 * gated task, with approvers resolved from their roles; and dates scheduled from `start` on the
 * campaign's calendar, holidays included.
 *
 * Throws `VALIDATION` when an approval step's role has nobody in the directory, or a duration is
 * not working time; `CYCLE` when the template's links loop.
 *
 * @example
 * ```ts
 * const plan = instantiateTemplate(CAMPAIGN_FULL_PROCESS, {
 *   campaignId: 'launch',
 *   start: '2026-03-02',
 *   directory: { assignees: { market: ['m-li'], manager: ['m-wang'], sales: ['m-zhao'], product: ['m-qian'], design: ['m-sun'], legal: ['m-zhou'] } },
 * });
 * plan.tasks[0]; // { id: 'research', name: 'Research demand and write the requirements report', ownerId: 'm-li',
 *                //   start: '2026-03-02T08:00', finish: '2026-03-04T17:00', ... }
 * plan.finish;   // '2026-04-02T17:00'
 * ```
 */
export function instantiateTemplate(template: ProcessTemplateInput, options: InstantiateOptions): InstantiatedTemplate {
  const valid: ProcessTemplate = defineTemplate(template);
  const parsed = parseInput(InstantiateOptionsSchema, options, 'instantiate options');
  for (const [stageId, duration] of Object.entries(parsed.durations)) {
    if (!valid.stages.some((s) => s.id === stageId)) throw invalidField('instantiate options', ['durations', stageId], `template '${valid.id}' has no stage '${stageId}'`);
    const d = resolveDuration(duration, undefined, ['durations', stageId]);
    if (d.elapsed || d.percent !== undefined || d.minutes < 0) throw invalidField('instantiate options', ['durations', stageId], 'a stage duration is working time such as 15d');
  }
  const expanded = expandTemplate(valid, { ...parsed, workflows: parsed.workflows });
  const schedule = scheduleProject({
    start: normalizeLocal(parsed.start),
    ...(parsed.calendar === undefined ? {} : { calendar: parsed.calendar }),
    calendars: parsed.calendars,
    tasks: expanded.tasks.map((t) => ({ id: t.id, name: t.name, duration: t.duration, milestone: t.milestone })),
    links: expanded.links.map((l) => ({ from: l.from, to: l.to, type: l.type, lag: l.lag })),
  });
  const dates = new Map(schedule.tasks.map((t) => [t.id, t]));
  const tasks = produce(expanded.tasks, (draft) => {
    for (const task of draft) {
      const scheduled = dates.get(task.id);
      if (scheduled === undefined) continue;
      task.start = scheduled.start;
      task.finish = scheduled.finish;
    }
  });
  const stages = expanded.stages.map((stage): StagePlan => {
    const own = stage.taskIds.map((id) => dates.get(id)).filter((t) => t !== undefined);
    const starts = own.map((t) => t.start).sort();
    const finishes = own.map((t) => t.finish).sort();
    return { ...stage, plannedStart: starts[0], plannedFinish: finishes[finishes.length - 1] };
  });
  return {
    tasks,
    links: expanded.links,
    approvals: expanded.approvals,
    stages,
    start: schedule.start,
    finish: schedule.finish,
    criticalPath: schedule.criticalPath as TaskId[],
    unassignedRoles: expanded.unassignedRoles,
  };
}
