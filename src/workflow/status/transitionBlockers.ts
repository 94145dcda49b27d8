import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { ApprovalSchema, type Approval } from '../../model/approval.js';
import { DependencySchema, type Dependency } from '../../model/dependency.js';
import { STATUS_CATEGORIES, TaskSchema, type StatusCategory, type Task } from '../../model/task.js';
import { WorkflowGuardsSchema, type WorkflowGuards } from './statusWorkflow.js';

/** The tasks, links and approvals of one campaign: the state status commands work on. */
export interface TaskBoard {
  /** Tasks. */
  readonly tasks: readonly Task[];
  /** Dependencies between the tasks. */
  readonly links: readonly Dependency[];
  /** Approvals, of which those on a task may gate it. */
  readonly approvals: readonly Approval[];
}

/** A {@link TaskBoard} as accepted on input. */
export const TaskBoardSchema = z.object({
  /** Tasks. */
  tasks: z.array(TaskSchema),
  /** Dependencies between the tasks. */
  links: z.array(DependencySchema),
  /** Approvals, of which those on a task may gate it. */
  approvals: z.array(ApprovalSchema),
});

/** Parses the board a status command or guard is given, or throws `VALIDATION` naming the field. */
export function parseBoard(board: unknown): TaskBoard {
  return parseInput(TaskBoardSchema, board, 'task board');
}

/** Why a guard refuses a transition. */
export interface TransitionBlocker {
  /** Which guard. */
  readonly guard: 'checklist' | 'approval' | 'predecessor' | 'successor';
  /** Ids of the open checklist items, open approvals, unfinished predecessors or started successors. */
  readonly ids: readonly string[];
  /** What to do about it. */
  readonly message: string;
}

const NOT_STARTED: readonly StatusCategory[] = ['backlog', 'todo', 'cancelled'];
const FINISHED: readonly StatusCategory[] = ['done', 'cancelled'];

/** True when a task in this category counts as started (in progress, in review or done). */
export function isStarted(category: StatusCategory): boolean {
  return !NOT_STARTED.includes(category);
}

/** True when a task in this category no longer holds up its successors (done or cancelled). */
export function isFinished(category: StatusCategory): boolean {
  return FINISHED.includes(category);
}

function quoted(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}

/**
 * The guards that refuse moving `task` from its category to `to`: open checklist items or required
 * approvals before done, finish-to-start predecessors not finished before starting, and successors
 * already started before reopening a done task or restoring a cancelled one. Empty when the move is allowed by the guards.
 *
 * @example
 * ```ts
 * transitionBlockers(board, task, 'done', DEFAULT_STATUS_WORKFLOW.guards);
 * // [{ guard: 'checklist', ids: ['c1'], message: "tick checklist items 'c1' before finishing the task" }]
 * ```
 */
export function transitionBlockers(board: TaskBoard, task: Task, to: StatusCategory, guards: WorkflowGuards): TransitionBlocker[] {
  return transitionBlockersParsed(
    parseBoard(board),
    parseInput(TaskSchema, task, 'task'),
    parseInput(z.enum(STATUS_CATEGORIES), to, 'status category'),
    parseInput(WorkflowGuardsSchema, guards, 'workflow guards'),
  );
}

/** {@link transitionBlockers} for input already parsed (the status commands, which parse their state once). */
export function transitionBlockersParsed(board: TaskBoard, task: Task, to: StatusCategory, guards: WorkflowGuards): TransitionBlocker[] {
  const blockers: TransitionBlocker[] = [];
  const category = (id: string) => board.tasks.find((t) => t.id === id)?.statusCategory;
  if (to === 'done' && task.statusCategory !== 'done') {
    const open = task.checklist.filter((item) => !item.done).map((item) => item.id);
    if (guards.checklist && open.length > 0) {
      blockers.push({ guard: 'checklist', ids: open, message: `tick checklist items ${quoted(open)} before finishing the task` });
    }
    const waiting = board.approvals
      .filter((a) => a.required && a.subject.type === 'task' && a.subject.id === task.id)
      .filter((a) => a.status !== 'approved' && a.status !== 'cancelled')
      .map((a) => a.id);
    if (guards.approvals && waiting.length > 0) {
      blockers.push({ guard: 'approval', ids: waiting, message: `approvals ${quoted(waiting)} must be approved before the task is done` });
    }
  }
  if (guards.predecessors === 'block' && isStarted(to)) {
    const unfinished = board.links
      .filter((l) => l.to === task.id && l.type === 'FS')
      .map((l) => l.from)
      .filter((id) => {
        const c = category(id);
        return c !== undefined && !isFinished(c);
      });
    if (unfinished.length > 0) {
      blockers.push({ guard: 'predecessor', ids: unfinished, message: `finish-to-start predecessors ${quoted(unfinished)} must be done first` });
    }
  }
  if (guards.predecessors === 'block' && isFinished(task.statusCategory) && !isFinished(to)) {
    const started = board.links
      .filter((l) => l.from === task.id && l.type === 'FS')
      .map((l) => l.to)
      .filter((id) => {
        const c = category(id);
        return c !== undefined && c !== 'cancelled' && isStarted(c);
      });
    if (started.length > 0) {
      blockers.push({ guard: 'successor', ids: started, message: `successors ${quoted(started)} have started; move them back before reopening or restoring this task` });
    }
  }
  return blockers;
}
