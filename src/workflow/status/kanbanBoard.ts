import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import type { TaskId } from '../../model/ids.js';
import { PRIORITIES, STATUS_CATEGORIES, TaskSchema, type StatusCategory, type Task } from '../../model/task.js';
import { StatusWorkflowSchema, type StatusWorkflow } from './statusWorkflow.js';

/** Options of {@link kanbanBoard}. */
export const KanbanOptionsSchema = z.object({
  /** Columns are this workflow's statuses; without it, columns are the six status categories. */
  workflow: StatusWorkflowSchema.optional(),
  /** Swimlanes by owner, channel or priority; none by default. */
  swimlane: z.enum(['owner', 'channel', 'priority']).optional(),
  /** WIP limits per column, overriding the workflow's. */
  wipLimits: z.record(z.string(), z.int().min(1)).default({}),
});
/** Options of {@link kanbanBoard}. */
export type KanbanOptions = z.input<typeof KanbanOptionsSchema>;

const TasksSchema = z.array(TaskSchema);

/** A column: one status (or category) with its tasks and WIP limit. */
export interface KanbanColumn {
  /** Status name (or category name without a workflow). */
  readonly status: string;
  /** Category. */
  readonly category: StatusCategory;
  /** WIP limit, or `null` for none. */
  readonly wipLimit: number | null;
  /** Tasks in the column, highest priority first, then earliest finish, then id. */
  readonly taskIds: readonly TaskId[];
  /** Whether the column holds more tasks than its limit. */
  readonly overLimit: boolean;
}

/** A column over its WIP limit. */
export interface WipViolation {
  /** The column. */
  readonly status: string;
  /** Its limit. */
  readonly limit: number;
  /** Tasks in it. */
  readonly count: number;
  /** `count − limit`. */
  readonly excess: number;
}

/** A swimlane: the tasks of one owner, channel or priority, per column. */
export interface KanbanLane {
  /** Owner id, channel or priority; `null` for tasks without one. */
  readonly key: string | null;
  /** Tasks per column, in column order. */
  readonly cells: readonly { readonly status: string; readonly taskIds: readonly TaskId[] }[];
}

/** A kanban projection of tasks. */
export interface KanbanBoard {
  /** Columns in workflow (or category) order. */
  readonly columns: readonly KanbanColumn[];
  /** Swimlanes, sorted by key (priorities most urgent first), `null` last; empty without `swimlane`. */
  readonly swimlanes: readonly KanbanLane[];
  /** Columns over their WIP limit. */
  readonly violations: readonly WipViolation[];
  /** Tasks whose status the workflow does not define. */
  readonly unmapped: readonly TaskId[];
}

function compareTasks(a: Task, b: Task): number {
  const byPriority = PRIORITIES.indexOf(b.priority) - PRIORITIES.indexOf(a.priority);
  if (byPriority !== 0) return byPriority;
  if (a.finish !== b.finish) {
    if (a.finish === undefined) return 1;
    if (b.finish === undefined) return -1;
    return a.finish < b.finish ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function laneKey(task: Task, swimlane: 'owner' | 'channel' | 'priority'): string | null {
  if (swimlane === 'owner') return task.ownerId ?? null;
  if (swimlane === 'channel') return task.channel ?? null;
  return task.priority;
}

function compareKeys(swimlane: 'owner' | 'channel' | 'priority') {
  return (a: string | null, b: string | null): number => {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    if (swimlane === 'priority') return PRIORITIES.indexOf(b as Task['priority']) - PRIORITIES.indexOf(a as Task['priority']);
    return a < b ? -1 : 1;
  };
}

/**
 * Projects tasks onto a kanban board: columns by status with WIP limits and their violations, and
 * optional swimlanes by owner, channel or priority. Plain data for any UI.
 *
 * @example
 * ```ts
 * kanbanBoard(tasks, { wipLimits: { in_progress: 2 }, swimlane: 'owner' });
 * // { columns: [{ status: 'backlog', ... }, { status: 'in_progress', wipLimit: 2, taskIds: ['a', 'b', 'c'], overLimit: true }, ...],
 * //   violations: [{ status: 'in_progress', limit: 2, count: 3, excess: 1 }], swimlanes: [...], unmapped: [] }
 * ```
 */
export function kanbanBoard(tasks: readonly Task[], options: KanbanOptions = {}): KanbanBoard {
  return kanbanBoardParsed(parseInput(TasksSchema, tasks, 'tasks'), options);
}

/** {@link kanbanBoard} for tasks already parsed (a workspace's stored tasks); the options are still parsed. */
export function kanbanBoardParsed(tasks: readonly Task[], options: KanbanOptions = {}): KanbanBoard {
  const parsed = parseInput(KanbanOptionsSchema, options, 'kanban options');
  const workflow: StatusWorkflow | undefined = parsed.workflow;
  const statuses = workflow?.statuses ?? STATUS_CATEGORIES.map((category) => ({ name: category, category, wipLimit: undefined }));
  const columnOf = (task: Task) => (workflow === undefined ? task.statusCategory : task.status);
  const names = new Set(statuses.map((s) => s.name));
  const sorted = [...tasks].sort(compareTasks);
  const unmapped = sorted.filter((t) => !names.has(columnOf(t))).map((t) => t.id);
  const columns: KanbanColumn[] = statuses.map((status) => {
    const taskIds = sorted.filter((t) => columnOf(t) === status.name).map((t) => t.id);
    const override = Object.hasOwn(parsed.wipLimits, status.name) ? parsed.wipLimits[status.name] : undefined;
    const wipLimit = override ?? status.wipLimit ?? null;
    return { status: status.name, category: status.category, wipLimit, taskIds, overLimit: wipLimit !== null && taskIds.length > wipLimit };
  });
  const violations = columns.flatMap((c) =>
    c.wipLimit !== null && c.overLimit ? [{ status: c.status, limit: c.wipLimit, count: c.taskIds.length, excess: c.taskIds.length - c.wipLimit }] : [],
  );
  const swimlane = parsed.swimlane;
  if (swimlane === undefined) return { columns, swimlanes: [], violations, unmapped };
  const mapped = sorted.filter((t) => names.has(columnOf(t)));
  const keys = [...new Set(mapped.map((t) => laneKey(t, swimlane)))].sort(compareKeys(swimlane));
  const swimlanes = keys.map((key) => ({
    key,
    cells: columns.map((c) => ({ status: c.status, taskIds: mapped.filter((t) => laneKey(t, swimlane) === key && columnOf(t) === c.status).map((t) => t.id) })),
  }));
  return { columns, swimlanes, violations, unmapped };
}
