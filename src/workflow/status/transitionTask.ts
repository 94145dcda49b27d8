import { produce } from 'immer';
import * as z from 'zod';
import { CampaignKitError } from '../../core/errors.js';
import { parseInput } from '../../core/validate.js';
import { TaskIdSchema } from '../../model/ids.js';
import { isStarted, parseBoard } from './transitionBlockers.js';
import { parseContext, type CommandContext, type CommandContextInput } from '../context.js';
import type { CommandResult, TaskStatusChangedEvent } from '../events.js';
import { localDateTime } from '../_time.js';
import { evaluateTransition } from './_evaluate.js';
import { StatusWorkflowSchema, workflowFor, type StatusWorkflow } from './statusWorkflow.js';
import type { TaskBoard } from './transitionBlockers.js';

/** Move a task to another status. */
export const TransitionTaskCommandSchema = z.object({
  /** The task. */
  taskId: TaskIdSchema,
  /** Target status name in the task type's workflow. */
  to: z.string().min(1).max(100),
  /** Why; required by transitions marked `commentRequired`. */
  comment: z.string().max(20000).optional(),
});
/** Move a task to another status. */
export type TransitionTaskCommand = z.input<typeof TransitionTaskCommandSchema>;

/** Context of status commands: who, when, and the workflows per task type. */
export interface StatusContextInput extends CommandContextInput {
  /** Workflows per task type; a type without one uses the default workflow. */
  readonly workflows?: readonly StatusWorkflow[];
}

const WorkflowsSchema = z.array(StatusWorkflowSchema).default([]);

/** Parses the context of a status command: the command context and the workflows. */
export function parseStatusContext(context: StatusContextInput): { ctx: CommandContext; workflows: StatusWorkflow[] } {
  const ctx = parseContext(context);
  return { ctx, workflows: parseInput(WorkflowsSchema, context.workflows, 'workflows') };
}

/** Finds a task or throws `NOT_FOUND`. */
export function taskOrThrow(board: TaskBoard, taskId: string) {
  const task = board.tasks.find((t) => t.id === taskId);
  if (task === undefined) throw new CampaignKitError('NOT_FOUND', `No task '${taskId}' on this board`, { details: { ids: [taskId] } });
  return task;
}

/**
 * Moves a task to another status of its type's workflow, after checking, in order: the status
 * exists (`VALIDATION`), the actor may `task.transition` the task (`FORBIDDEN`), the workflow has
 * the transition (`VALIDATION`), the actor's role, department or assignment is one the transition
 * allows (`FORBIDDEN`), a required comment is given (`VALIDATION`), and the guards pass
 * (`INVALID_STATE`, with `details.blockers`). Starting records `actualStart`, finishing records
 * `actualFinish` and 100 % complete, reopening clears `actualFinish` (all local to `timeZone`).
 *
 * @example
 * ```ts
 * const { state, events } = transitionTask(board, { taskId: 'research', to: 'in_progress' }, {
 *   actor: { id: 'm-li', roles: [{ role: 'manager', campaignId: 'launch' }] },
 *   now: '2026-03-02T01:00:00Z',
 *   timeZone: 'Asia/Shanghai',
 * });
 * // state.tasks[0]: { ..., status: 'in_progress', statusCategory: 'in_progress', actualStart: '2026-03-02T09:00' }
 * // events: [{ type: 'task.statusChanged', taskId: 'research', from: 'todo', to: 'in_progress', ... }]
 * ```
 */
export function transitionTask(board: TaskBoard, command: TransitionTaskCommand, context: StatusContextInput): CommandResult<TaskBoard, TaskStatusChangedEvent> {
  return transitionTaskParsed(parseBoard(board), command, context);
}

/** {@link transitionTask} for a board already parsed (a workspace's stored records); the command and context are still parsed. */
export function transitionTaskParsed(board: TaskBoard, command: TransitionTaskCommand, context: StatusContextInput): CommandResult<TaskBoard, TaskStatusChangedEvent> {
  const input = parseInput(TransitionTaskCommandSchema, command, 'transition');
  const { ctx, workflows } = parseStatusContext(context);
  const task = taskOrThrow(board, input.taskId);
  const workflow = workflowFor(task.type, workflows);
  const result = evaluateTransition(board, task, input.to, input.comment, workflow, ctx);
  if (result instanceof CampaignKitError) throw result;
  const local = localDateTime(ctx.now, ctx.timeZone);
  const state = produce(board, (draft) => {
    const t = draft.tasks.find((x) => x.id === task.id);
    if (t === undefined) return;
    t.status = result.to.name;
    t.statusCategory = result.to.category;
    if (isStarted(result.to.category) && t.actualStart === undefined) t.actualStart = local;
    if (result.to.category === 'done') {
      const start = t.actualStart ?? local;
      t.actualFinish = start > local ? start : local;
      t.percentComplete = 100;
    } else if (result.to.category !== 'cancelled' && t.actualFinish !== undefined) {
      delete t.actualFinish;
    }
  });
  const event: TaskStatusChangedEvent = {
    type: 'task.statusChanged',
    campaignId: task.campaignId,
    taskId: task.id,
    from: result.from.name,
    fromCategory: result.from.category,
    to: result.to.name,
    toCategory: result.to.category,
    ...(input.comment === undefined ? {} : { comment: input.comment }),
    by: ctx.actor.id,
    at: ctx.now,
  };
  return { state, events: [event] };
}
