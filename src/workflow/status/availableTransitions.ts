import { CampaignKitError, type ErrorCode } from '../../core/errors.js';
import { parseInput } from '../../core/validate.js';
import { TaskIdSchema } from '../../model/ids.js';
import type { StatusCategory } from '../../model/task.js';
import { evaluateTransition, leaves } from './_evaluate.js';
import { workflowFor } from './statusWorkflow.js';
import { parseStatusContext, taskOrThrow, type StatusContextInput } from './transitionTask.js';
import { parseBoard, type TaskBoard, type TransitionBlocker } from './transitionBlockers.js';

/** One status a task could move to, and whether the actor may move it there now. */
export interface AvailableTransition {
  /** Target status. */
  readonly to: string;
  /** Its category. */
  readonly category: StatusCategory;
  /** Whether {@link transitionTask} would succeed now (given a comment where one is required). */
  readonly allowed: boolean;
  /** Whether the move needs a comment. */
  readonly commentRequired: boolean;
  /** When refused: the error code the command would throw (`FORBIDDEN` or `INVALID_STATE`). */
  readonly code?: ErrorCode;
  /** When refused: why. */
  readonly reason?: string;
  /** When refused by guards: each blocker. */
  readonly blockers: readonly TransitionBlocker[];
}

/**
 * The statuses a task's workflow lets it move to from its current status, each with whether the
 * actor may take the move now and, if not, why: what a UI needs to enable buttons and explain the
 * disabled ones.
 *
 * @example
 * ```ts
 * availableTransitions(board, 'research', { actor: memberOnTask, now: '2026-03-02T01:00:00Z' });
 * // [{ to: 'backlog', allowed: true, ... }, { to: 'in_progress', allowed: true, ... },
 * //  { to: 'cancelled', allowed: false, code: 'FORBIDDEN', reason: 'only role admin, role manager may ...' }]
 * ```
 */
export function availableTransitions(board: TaskBoard, taskId: string, context: StatusContextInput): AvailableTransition[] {
  return availableTransitionsParsed(parseBoard(board), taskId, context);
}

/** {@link availableTransitions} for a board already parsed (a workspace's stored records); the task id and context are still parsed. */
export function availableTransitionsParsed(board: TaskBoard, taskId: string, context: StatusContextInput): AvailableTransition[] {
  const id = parseInput(TaskIdSchema, taskId, 'task id');
  const { ctx, workflows } = parseStatusContext(context);
  const task = taskOrThrow(board, id);
  const workflow = workflowFor(task.type, workflows);
  const targets = workflow.statuses.filter((s) => s.name !== task.status && workflow.transitions.some((r) => r.to === s.name && leaves(r, task.status)));
  return targets.map((target) => {
    const rules = workflow.transitions.filter((r) => r.to === target.name && leaves(r, task.status));
    const commentRequired = rules.every((r) => r.commentRequired);
    const result = evaluateTransition(board, task, target.name, 'comment', workflow, ctx);
    if (!(result instanceof CampaignKitError)) return { to: target.name, category: target.category, allowed: true, commentRequired, blockers: [] };
    const blockers = (result.details.blockers as readonly TransitionBlocker[] | undefined) ?? [];
    const reason = typeof result.details.reason === 'string' ? result.details.reason : result.message;
    return { to: target.name, category: target.category, allowed: false, commentRequired, code: result.code, reason, blockers };
  });
}
