import * as z from 'zod';
import { parseInput } from '../core/validate.js';
import { CampaignIdSchema, TaskIdSchema } from '../model/ids.js';
import { availableTransitionsParsed, type AvailableTransition } from '../workflow/status/availableTransitions.js';
import { kanbanBoardParsed, KanbanOptionsSchema, type KanbanBoard } from '../workflow/status/kanbanBoard.js';
import { workflowFor } from '../workflow/status/statusWorkflow.js';
import type { WorkspaceContext } from './_context.js';
import type { KanbanQueryOptions } from './taskService.js';
import { assertCanList, readEvery, readEveryStored, readOne } from './_reader.js';

const KanbanQuerySchema = z.strictObject({
  /** Task type. */
  taskType: z.string().min(1).max(100).optional(),
  /** Swimlanes. */
  swimlane: KanbanOptionsSchema.shape.swimlane,
  /** WIP limits. */
  wipLimits: KanbanOptionsSchema.shape.wipLimits,
});

/**
 * `tasks.kanban`: the campaign's tasks the actor may see (summaries for executives) on a board.
 * With `taskType`, the columns are that type's workflow statuses and only tasks of the type are on
 * it; without, the columns are the six status categories and every task is.
 */
export async function kanbanOf(ctx: WorkspaceContext, id: string, options: KanbanQueryOptions): Promise<KanbanBoard> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  const { taskType, swimlane, wipLimits } = parseInput(KanbanQuerySchema, options, 'kanban options');
  assertCanList(ctx, 'task', campaignId);
  await readOne(ctx, 'campaign', campaignId);
  const tasks = await readEvery(ctx, 'task', campaignId);
  const shown = taskType === undefined ? tasks : tasks.filter((t) => t.type === taskType);
  // Stored records were parsed when written; the engine need not parse them again.
  return kanbanBoardParsed(shown, {
    wipLimits,
    ...(swimlane === undefined ? {} : { swimlane }),
    ...(taskType === undefined ? {} : { workflow: workflowFor(taskType, ctx.workflows) }),
  });
}

/**
 * `tasks.availableTransitions`: the moves the acting member could make on a task now, with the
 * reason for each refused one.
 */
export async function availableTransitionsOf(ctx: WorkspaceContext, id: string): Promise<AvailableTransition[]> {
  const taskId = parseInput(TaskIdSchema, id, 'task id');
  const task = await readOne(ctx, 'task', taskId);
  // The same records the command's guards read, so "allowed" here means the command succeeds.
  const [tasks, links, approvals] = await Promise.all([
    readEveryStored(ctx, 'task', task.campaignId),
    readEveryStored(ctx, 'dependency', task.campaignId),
    readEveryStored(ctx, 'approval', task.campaignId),
  ]);
  const now = new Date(ctx.clock.now()).toISOString();
  return availableTransitionsParsed({ tasks, links, approvals }, taskId, { actor: ctx.actor, now, timeZone: ctx.timeZone, policy: ctx.policy, workflows: ctx.workflows });
}
