import { produce } from 'immer';
import * as z from 'zod';
import { assertCanParsed } from '../../access/can.js';
import { CampaignKitError } from '../../core/errors.js';
import { parseInput } from '../../core/validate.js';
import { TaskIdSchema } from '../../model/ids.js';
import { parseContext, type CommandContextInput } from '../context.js';
import type { CommandResult, TaskChecklistChangedEvent } from '../events.js';
import { taskResource } from './_evaluate.js';
import { taskOrThrow } from './transitionTask.js';
import { parseBoard, type TaskBoard } from './transitionBlockers.js';

/** Tick or untick one checklist item. */
export const SetChecklistItemCommandSchema = z.object({
  /** The task. */
  taskId: TaskIdSchema,
  /** The checklist item. */
  itemId: z.string().min(1).max(100),
  /** Whether it is done. */
  done: z.boolean(),
});
/** Tick or untick one checklist item. */
export type SetChecklistItemCommand = z.input<typeof SetChecklistItemCommandSchema>;

/**
 * Ticks or unticks a checklist item (permission `task.update`). Unticking an item of a done task
 * is refused with `INVALID_STATE`: reopen the task first, so a done task never has open items.
 *
 * @example
 * ```ts
 * setChecklistItem(board, { taskId: 'retro', itemId: 'c1', done: true }, { actor, now: '2026-04-20T02:00:00Z' });
 * // { state: board with the item ticked, events: [{ type: 'task.checklistChanged', itemId: 'c1', done: true, ... }] }
 * ```
 */
export function setChecklistItem(given: TaskBoard, command: SetChecklistItemCommand, context: CommandContextInput): CommandResult<TaskBoard, TaskChecklistChangedEvent> {
  const board = parseBoard(given);
  const input = parseInput(SetChecklistItemCommandSchema, command, 'checklist change');
  const ctx = parseContext(context);
  const task = taskOrThrow(board, input.taskId);
  assertCanParsed(ctx.actor, 'task.update', taskResource(task), ctx.policy);
  const item = task.checklist.find((i) => i.id === input.itemId);
  if (item === undefined) {
    throw new CampaignKitError('NOT_FOUND', `Task '${task.id}' has no checklist item '${input.itemId}'`, { details: { ids: [input.itemId] } });
  }
  if (!input.done && task.statusCategory === 'done') {
    throw new CampaignKitError('INVALID_STATE', `Task '${task.id}' is done; reopen it before unticking '${input.itemId}'`, { details: { ids: [task.id] } });
  }
  // Nothing to do: the state is the board given, unchanged.
  if (item.done === input.done) return { state: given, events: [] };
  const state = produce(board, (draft) => {
    const entry = draft.tasks.find((t) => t.id === task.id)?.checklist.find((i) => i.id === input.itemId);
    if (entry !== undefined) entry.done = input.done;
  });
  const event: TaskChecklistChangedEvent = {
    type: 'task.checklistChanged',
    campaignId: task.campaignId,
    taskId: task.id,
    itemId: input.itemId,
    done: input.done,
    by: ctx.actor.id,
    at: ctx.now,
  };
  return { state, events: [event] };
}
