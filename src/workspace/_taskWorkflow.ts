import * as z from 'zod';
import { parseInput } from '../core/validate.js';
import { TaskIdSchema } from '../model/ids.js';
import type { Task } from '../model/task.js';
import { setChecklistItem } from '../workflow/status/setChecklistItem.js';
import { transitionTaskParsed } from '../workflow/status/transitionTask.js';
import type { WorkspaceContext } from './_context.js';
import type { ChecklistChange, TransitionInput } from './taskService.js';
import { reschedule, taskTouches } from './_reschedule.js';
import { resourceOf } from './_resources.js';
import { runCommand } from './_runCommand.js';
import { assignFields } from './_sameJson.js';
import type { CommandSession } from './_session.js';

const TransitionSchema = z.object({
  /** Target status. */
  to: z.string().min(1).max(100),
  /** Comment. */
  comment: z.string().max(20000).optional(),
});
const ChecklistSchema = z.object({
  /** Item. */
  itemId: z.string().min(1).max(100),
  /** Done. */
  done: z.boolean(),
});

/** Writes the workflow's new task into the session; returns the fields that changed. */
function adopt(session: CommandSession, next: Task): string[] {
  let fields: string[] = [];
  session.change((state) => {
    fields = assignFields(state.task[next.id] as Record<string, unknown>, next);
  });
  return fields;
}

/**
 * `tasks.transition`: the workflow engine's `transitionTask` on the campaign's tasks, links and
 * approvals (its guards read them), as a command. Actual dates it records reschedule the campaign.
 */
export async function transitionCommand(ctx: WorkspaceContext, id: string, input: TransitionInput): Promise<Task> {
  const taskId = parseInput(TaskIdSchema, id, 'task id');
  const { to, comment } = parseInput(TransitionSchema, input, 'transition');
  return runCommand(ctx, { name: 'task.transition', target: { type: 'task', id: taskId } }, async (session) => {
    const current = await session.require('task', taskId);
    session.authorize('task.transition', resourceOf('task', current));
    const campaignId = current.campaignId;
    await session.loadCampaignTypes(['task', 'dependency', 'approval'], campaignId);
    const board = { tasks: session.all('task', campaignId), links: session.all('dependency', campaignId), approvals: session.all('approval', campaignId) };
    const { state, events } = transitionTaskParsed(board, { taskId, to, ...(comment === undefined ? {} : { comment }) }, {
      actor: ctx.actor,
      now: session.at,
      timeZone: ctx.timeZone,
      policy: ctx.policy,
      workflows: ctx.workflows,
    });
    const next = state.tasks.find((t) => t.id === taskId) ?? current;
    const fields = adopt(session, next);
    const touches = taskTouches(next, fields);
    if (touches.length > 0) await reschedule(session, campaignId, touches);
    for (const event of events) session.emitWorkflow({ type: 'task', id: taskId }, event);
    return session.get('task', taskId) ?? next;
  });
}

/** `tasks.setChecklistItem`: the workflow engine's `setChecklistItem` as a command. */
export async function setChecklistItemCommand(ctx: WorkspaceContext, id: string, change: ChecklistChange): Promise<Task> {
  const taskId = parseInput(TaskIdSchema, id, 'task id');
  const { itemId, done } = parseInput(ChecklistSchema, change, 'checklist change');
  return runCommand(ctx, { name: 'task.setChecklistItem', target: { type: 'task', id: taskId } }, async (session) => {
    const current = await session.require('task', taskId);
    session.authorize('task.update', resourceOf('task', current));
    const board = { tasks: [current], links: [], approvals: [] };
    const { state, events } = setChecklistItem(board, { taskId, itemId, done }, { actor: ctx.actor, now: session.at, timeZone: ctx.timeZone, policy: ctx.policy });
    adopt(session, state.tasks[0] ?? current);
    for (const event of events) session.emitWorkflow({ type: 'task', id: taskId }, event);
    return session.get('task', taskId) ?? current;
  });
}
