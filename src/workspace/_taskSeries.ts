import * as z from 'zod';
import { expandRecurrence, parseRecurrenceRule } from '../calendar/recurrenceRule.js';
import { createWorkingCalendar } from '../calendar/workingCalendar.js';
import { CampaignKitError } from '../core/errors.js';
import { invalidField, parseInput } from '../core/validate.js';
import { TaskIdSchema } from '../model/ids.js';
import { LocalDateTimeSchema } from '../model/primitives.js';
import { TaskSchema, type Task } from '../model/task.js';
import { workflowFor } from '../workflow/status/statusWorkflow.js';
import { changesSchema, merge } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { parseNew } from './_input.js';
import { requirePeopleOf } from './_references.js';
import { reschedule, withBuiltInCalendars } from './_reschedule.js';
import { campaignScope, resourceOf } from './_resources.js';
import { runCommand } from './_runCommand.js';
import { assignFields } from './_sameJson.js';
import type { NewTaskSeries, TaskSeries, TaskSeriesChanges } from './taskService.js';

/**
 * Recurring tasks as Microsoft Project makes them: a summary task carrying the rule, and one real
 * subtask per occurrence ("Stand-up 1", "Stand-up 2", …), each held at its occurrence by a
 * start-no-earlier-than constraint, so it is scheduled on the working calendar like any task and
 * can be edited on its own. An occurrence that falls on a non-working day either moves to the
 * next working time (the constraint does that) or, with `nonWorking: 'skip'`, is left out.
 */

const SeriesSchema = z.strictObject({
  /** Rule. */
  rule: z.string().min(1).max(500),
  /** First start. */
  start: LocalDateTimeSchema,
  /** Non-working days. */
  nonWorking: z.enum(['next', 'skip']).default('next'),
});

/** Fields of the series copied to each occurrence. */
const SHARED = ['type', 'ownerId', 'assigneeIds', 'stageId', 'duration', 'priority', 'tags', 'description', 'calendarId', 'channel'] as const;

function occurrenceOf(summary: Task, template: Task, n: number, start: string): Task {
  const shared = Object.fromEntries(SHARED.flatMap((key) => (template[key as keyof Task] === undefined ? [] : [[key, template[key as keyof Task]]])));
  return {
    ...template,
    ...shared,
    id: `${summary.id}-${n}` as Task['id'],
    name: `${summary.name} ${n}`.slice(0, 200),
    parentId: summary.id,
    constraint: { type: 'SNET', date: start },
    checklist: template.checklist,
  } as Task;
}

/** `tasks.createSeries`: the summary and every occurrence, in one command. */
export async function createSeriesCommand(ctx: WorkspaceContext, input: NewTaskSeries): Promise<TaskSeries> {
  const { recurrence, ...fields } = (typeof input === 'object' && input !== null ? input : {}) as NewTaskSeries;
  const { rule, start, nonWorking } = parseInput(SeriesSchema, recurrence, 'recurrence');
  const parsedRule = parseRecurrenceRule(rule);
  const template = parseNew(TaskSchema, fields, () => ctx.ids.next('task'), 'task');
  const initial = workflowFor(template.type, ctx.workflows);
  const status = { status: initial.initial, statusCategory: initial.statuses.find((s) => s.name === initial.initial)?.category ?? 'todo' };
  const summary: Task = { ...template, ...status, recurrence: { rule, start }, milestone: false };
  return runCommand(ctx, { name: 'task.createSeries', target: { type: 'task', id: summary.id } }, async (session) => {
    const scope = campaignScope('task', summary.campaignId);
    session.authorize('task.create', scope);
    if (summary.ownerId !== undefined || summary.assigneeIds.length > 0) session.authorize('task.assign', scope);
    const campaign = await session.require('campaign', summary.campaignId);
    await requirePeopleOf(session, summary, 'task');
    await session.loadCampaign('calendar', campaign.id);
    const calendars = withBuiltInCalendars(session.all('calendar', campaign.id));
    const calendarId = summary.calendarId ?? campaign.calendarId ?? 'standard';
    const spec = calendars.find((c) => c.id === calendarId);
    if (spec === undefined) throw invalidField('task', ['calendarId'], `there is no calendar '${calendarId}' in campaign '${campaign.id}'`);
    const calendar = createWorkingCalendar(spec, { calendars });
    const starts = expandRecurrence(parsedRule, start).filter((at) => nonWorking === 'next' || calendar.isWorkingDay(at.slice(0, 10)));
    if (starts.length === 0) throw invalidField('recurrence', ['rule'], 'the rule gives no occurrence on a working day');
    const occurrences = starts.map((at, i) => ({ ...occurrenceOf(summary, template, i + 1, at), ...status }));
    for (const task of [summary, ...occurrences]) await session.reserve('task', task.id);
    session.change((state) => {
      for (const task of [summary, ...occurrences]) state.task[task.id] = task;
    });
    await reschedule(session, summary.campaignId, [{ kind: 'rebuild' }]);
    for (const task of [summary, ...occurrences]) session.emit('task.created', { type: 'task', id: task.id }, { task: session.get('task', task.id) ?? task });
    return { summary: session.get('task', summary.id) ?? summary, occurrences: occurrences.map((t) => session.get('task', t.id) ?? t) };
  });
}

const SeriesChangesSchema = changesSchema(
  Object.fromEntries(SHARED.filter((key) => key !== 'type' && key !== 'calendarId').map((key) => [key, TaskSchema.shape[key]])),
  {},
);

/** `tasks.updateSeries`: one change to every open occurrence of a series (and the summary's own fields). */
export async function updateSeriesCommand(ctx: WorkspaceContext, id: string, changes: TaskSeriesChanges): Promise<TaskSeries> {
  const seriesId = parseInput(TaskIdSchema, id, 'task id');
  const parsed = parseInput(SeriesChangesSchema, changes, 'series changes');
  return runCommand(ctx, { name: 'task.updateSeries', target: { type: 'task', id: seriesId } }, async (session) => {
    const summary = await session.require('task', seriesId);
    if (summary.recurrence === undefined) throw new CampaignKitError('INVALID_STATE', `Task '${seriesId}' is not a recurring task's summary`, { details: { ids: [seriesId] } });
    session.authorize('task.update', resourceOf('task', summary));
    if (Object.hasOwn(parsed, 'ownerId') || Object.hasOwn(parsed, 'assigneeIds')) session.authorize('task.assign', resourceOf('task', summary));
    await session.loadCampaign('task', summary.campaignId);
    const open = session.all('task', summary.campaignId).filter((t) => t.parentId === seriesId && t.statusCategory !== 'done' && t.statusCategory !== 'cancelled');
    const { duration: _duration, ...summaryChanges } = parsed;
    const nextSummary = parseInput(TaskSchema, merge(summary, summaryChanges), 'task');
    await requirePeopleOf(session, nextSummary, 'series changes', Object.keys(parsed));
    session.change((state) => {
      assignFields(state.task[seriesId] as Record<string, unknown>, nextSummary);
      for (const task of open) assignFields(state.task[task.id] as Record<string, unknown>, parseInput(TaskSchema, merge(task, parsed), 'task'));
    });
    await reschedule(session, summary.campaignId, [{ kind: 'rebuild' }]);
    const fields = Object.keys(parsed);
    for (const task of [summary, ...open]) session.emit('task.updated', { type: 'task', id: task.id }, { task: session.get('task', task.id) ?? task, fields });
    return { summary: session.get('task', seriesId) ?? nextSummary, occurrences: session.all('task', summary.campaignId).filter((t) => t.parentId === seriesId) };
  });
}
