import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { invalidField, parseInput } from '../core/validate.js';
import { CampaignIdSchema, MemberIdSchema, TaskIdSchema } from '../model/ids.js';
import { STATUS_CATEGORIES, TaskSchema, type Task, type TaskInput } from '../model/task.js';
import type { Page } from '../store/storageAdapter.js';
import { workflowFor } from '../workflow/status/statusWorkflow.js';
import { changesSchema, merge, PageOptionsSchema, WriteOptionsSchema } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { parseNew } from './_input.js';
import { requireInCampaign, requirePeopleOf } from './_references.js';
import { readOne, readPage, readVersioned } from './_reader.js';
import { reschedule, taskTouches } from './_reschedule.js';
import { campaignScope, resourceOf } from './_resources.js';
import { runCommand } from './_runCommand.js';
import { assignFields, sameJson } from './_sameJson.js';
import { setChecklistItemCommand, transitionCommand } from './_taskWorkflow.js';
import { availableTransitionsOf, kanbanOf } from './_taskQueries.js';
import { createSeriesCommand, updateSeriesCommand } from './_taskSeries.js';
import type { AvailableTransition } from '../workflow/status/availableTransitions.js';
import type { KanbanBoard } from '../workflow/status/kanbanBoard.js';
import type { Changes, PageOptions, UpdateOptions, VersionedRecord } from './serviceTypes.js';

/** Fields of a task the workspace derives, with what to do instead of setting them. */
const DERIVED: Readonly<Record<string, string>> = {
  start: 'dates are derived by the scheduler; change the duration, dependencies or constraint instead',
  finish: 'dates are derived by the scheduler; change the duration, dependencies or constraint instead',
  status: 'a status changes only through tasks.transition, which checks the workflow and its guards',
  statusCategory: 'a status changes only through tasks.transition, which checks the workflow and its guards',
};

/** A new task: its fields, `id` optional; dates and status are the workspace's to set. */
export type NewTask = Omit<TaskInput, 'id' | 'start' | 'finish' | 'status' | 'statusCategory'> & { readonly id?: string };

/** Changes to a task; `null` clears an optional field. Dates and status cannot be set. */
export type TaskChanges = Changes<Omit<TaskInput, 'id' | 'campaignId' | 'start' | 'finish' | 'status' | 'statusCategory'>>;

/** Input of `tasks.transition`. */
export interface TransitionInput {
  /** Target status name in the task type's workflow. */
  readonly to: string;
  /** Why; required by transitions marked `commentRequired`. */
  readonly comment?: string;
}

/** Input of `tasks.setChecklistItem`. */
export interface ChecklistChange {
  /** The checklist item. */
  readonly itemId: string;
  /** Whether it is done. */
  readonly done: boolean;
}

/** A recurring task: the summary's fields (copied to every occurrence) and its rule. */
export type NewTaskSeries = Omit<NewTask, 'recurrence' | 'parentId' | 'constraint'> & {
  /** The RFC 5545 rule, where the first occurrence starts, and what to do with occurrences on non-working days. */
  readonly recurrence: {
    /** E.g. `FREQ=WEEKLY;BYDAY=MO;COUNT=8` or `FREQ=DAILY;UNTIL=20260331` (COUNT or UNTIL is required). */
    readonly rule: string;
    /** The first occurrence's start, `YYYY-MM-DDTHH:mm`; the time of day is every occurrence's. */
    readonly start: string;
    /** `next` (default): move to the next working time; `skip`: leave the occurrence out. */
    readonly nonWorking?: 'next' | 'skip';
  };
};

/** A recurring task as stored: its summary and its occurrences, in order. */
export interface TaskSeries {
  /** The summary task, with the rule in `recurrence`. */
  readonly summary: Task;
  /** One task per occurrence, `<id>-1`, `<id>-2`, … */
  readonly occurrences: readonly Task[];
}

/** A change to every open occurrence of a series; `null` clears an optional field. */
export type TaskSeriesChanges = Changes<Pick<TaskInput, 'ownerId' | 'assigneeIds' | 'stageId' | 'duration' | 'priority' | 'tags' | 'description' | 'channel'>>;

/** Options of {@link TaskService.kanban}. */
export interface KanbanQueryOptions {
  /** Columns are this task type's workflow statuses and only its tasks are shown; without it, the six status categories and every task. */
  readonly taskType?: string;
  /** Swimlanes by owner, channel or priority; none by default. */
  readonly swimlane?: 'owner' | 'channel' | 'priority';
  /** WIP limits per column, overriding the workflow's. */
  readonly wipLimits?: Readonly<Record<string, number>>;
}

/** Filters and paging of {@link TaskService.list}. */
export interface TaskListOptions extends PageOptions {
  /** The campaign. */
  readonly campaignId: string;
  /** Only tasks in this status. */
  readonly status?: string;
  /** Only tasks in this status category. */
  readonly statusCategory?: (typeof STATUS_CATEGORIES)[number];
  /** Only tasks this member owns or is assigned to. */
  readonly memberId?: string;
  /** Only direct subtasks of this summary task. */
  readonly parentId?: string;
}

/** Tasks of a campaign: work breakdown, durations, assignments, status workflow. */
export interface TaskService {
  /**
   * Creates a task in its campaign (`task.create`; `task.assign` as well when it names an owner or
   * assignees), with its type's initial status, and schedules it.
   *
   * @example
   * ```ts
   * await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Write the brief', duration: '2d' });
   * // { id: 'brief', ..., status: 'todo', start: '2026-03-02T08:00', finish: '2026-03-03T17:00' }
   * ```
   */
  create(input: NewTask): Promise<Task>;
  /** One task (`task.read`; executives get a summary). */
  get(id: string): Promise<Task>;
  /** One task with its version, for `expectedVersion`. */
  getVersioned(id: string): Promise<VersionedRecord<Task>>;
  /** A campaign's tasks the actor may see, by id, filtered. */
  list(options: TaskListOptions): Promise<Page<Task>>;
  /**
   * Changes a task (`task.update`; `task.assign` for owner or assignees). A new duration or
   * constraint reschedules incrementally; other scheduling fields reschedule the campaign. Only
   * tasks whose dates moved are written, in the same transaction.
   *
   * @example
   * ```ts
   * await workspace.tasks.update('brief', { duration: '3d' });
   * // brief and every task that depends on it move; a 'task.rescheduled' event for each
   * ```
   */
  update(id: string, changes: TaskChanges, options?: UpdateOptions): Promise<Task>;
  /** Deletes a task and its dependencies (`task.delete`); a summary task with subtasks is refused. */
  delete(id: string, options?: UpdateOptions): Promise<void>;
  /**
   * Moves a task to another status of its type's workflow (`task.transition` and the transition's
   * own rules), checking its guards; starting and finishing record actual dates, which reschedule.
   *
   * @example
   * ```ts
   * await workspace.tasks.transition('brief', { to: 'in_progress' }); // { ..., status: 'in_progress', actualStart: '2026-03-02T09:00' }
   * ```
   */
  transition(id: string, input: TransitionInput): Promise<Task>;
  /** Ticks or unticks a checklist item (`task.update`). */
  setChecklistItem(id: string, change: ChecklistChange): Promise<Task>;
  /**
   * The campaign's tasks on a kanban board (`task.read`, or `report.read` for summaries): columns
   * by status category, or by the statuses of one task type's workflow with `taskType` (then only
   * tasks of that type), WIP limits and their violations, optional swimlanes.
   *
   * @example
   * ```ts
   * await workspace.tasks.kanban('launch', { taskType: 'creative', wipLimits: { in_progress: 2 } });
   * // { columns: [{ status: 'todo', taskIds: ['visuals'], ... }, ...], violations: [], swimlanes: [], unmapped: [] }
   * ```
   */
  kanban(campaignId: string, options?: KanbanQueryOptions): Promise<KanbanBoard>;
  /**
   * Creates a recurring task (`task.create`) as Project does: a summary task carrying the rule and
   * one subtask per occurrence, each held at its time by a start-no-earlier-than constraint on the
   * working calendar, so every occurrence is a real task that can be edited, moved or done on its
   * own. At most 1000 occurrences.
   *
   * @example
   * ```ts
   * await workspace.tasks.createSeries({ id: 'standup', campaignId: 'launch', name: 'Stand-up', duration: '15m',
   *   recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=6', start: '2026-03-02T09:30' } });
   * // { summary: { id: 'standup', recurrence: {...} }, occurrences: [{ id: 'standup-1', start: '2026-03-02T09:30', ... }, ...] }
   * ```
   */
  createSeries(input: NewTaskSeries): Promise<TaskSeries>;
  /**
   * Changes every occurrence of a series not yet done or cancelled, and the summary (`task.update`;
   * `task.assign` for owner or assignees), in one command; single occurrences change with `update`.
   */
  updateSeries(id: string, changes: TaskSeriesChanges): Promise<TaskSeries>;
  /**
   * The statuses the acting member could move a task to now (`task.read`), each with whether the
   * move would succeed and, if not, the error code, reason and blocking guards. The guards see the
   * whole campaign, as `tasks.transition` does, so `allowed` means the command would succeed.
   *
   * @example
   * ```ts
   * await workspace.tasks.availableTransitions('brief');
   * // [{ to: 'in_progress', allowed: true, ... }, { to: 'done', allowed: false, code: 'INVALID_STATE', blockers: [...] }]
   * ```
   */
  availableTransitions(taskId: string): Promise<AvailableTransition[]>;
}

const TaskChangesSchema = changesSchema(TaskSchema.shape, {
  ...DERIVED,
  id: 'a task keeps its id',
  campaignId: 'a task cannot move to another campaign; create it there instead',
});
const ListSchema = PageOptionsSchema.extend({
  /** Campaign. */
  campaignId: CampaignIdSchema,
  /** Status. */
  status: z.string().min(1).max(100).optional(),
  /** Status category. */
  statusCategory: z.enum(STATUS_CATEGORIES).optional(),
  /** Owner or assignee. */
  memberId: MemberIdSchema.optional(),
  /** Parent. */
  parentId: TaskIdSchema.optional(),
});
const ASSIGNMENT = new Set(['ownerId', 'assigneeIds']);
function changedFields(current: object, next: object): string[] {
  const a = current as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((key) => !sameJson(a[key], b[key]));
}

/** Builds the task service of a workspace. */
export function createTaskService(ctx: WorkspaceContext): TaskService {
  return {
    async create(input) {
      for (const key of Object.keys(DERIVED)) {
        if (typeof input === 'object' && input !== null && Object.hasOwn(input, key)) throw invalidField('task', [key], DERIVED[key] ?? '');
      }
      const draft = parseNew(TaskSchema, input, () => ctx.ids.next('task'), 'task');
      const initial = workflowFor(draft.type, ctx.workflows);
      const category = initial.statuses.find((s) => s.name === initial.initial)?.category ?? 'todo';
      const task: Task = { ...draft, status: initial.initial, statusCategory: category };
      return runCommand(ctx, { name: 'task.create', target: { type: 'task', id: task.id } }, async (session) => {
        const scope = campaignScope('task', task.campaignId);
        session.authorize('task.create', scope);
        if (task.ownerId !== undefined || task.assigneeIds.length > 0) session.authorize('task.assign', scope);
        await session.require('campaign', task.campaignId);
        await requirePeopleOf(session, task, 'task');
        if (task.parentId !== undefined) await requireInCampaign(session, 'task', task.parentId, task.campaignId, 'task', ['parentId']);
        await session.reserve('task', task.id);
        session.change((state) => {
          state.task[task.id] = task;
        });
        await reschedule(session, task.campaignId, [{ kind: 'rebuild' }]);
        const created = session.get('task', task.id) ?? task;
        session.emit('task.created', { type: 'task', id: task.id }, { task: created });
        return created;
      });
    },

    get: async (id) => readOne(ctx, 'task', parseInput(TaskIdSchema, id, 'task id')),
    getVersioned: async (id) => readVersioned(ctx, 'task', parseInput(TaskIdSchema, id, 'task id')),

    async list(options) {
      const { campaignId, status, statusCategory, memberId, parentId, ...page } = parseInput(ListSchema, options, 'task list options');
      return readPage(ctx, {
        type: 'task',
        campaignId,
        ...page,
        where: (t) =>
          (status === undefined || t.status === status) &&
          (statusCategory === undefined || t.statusCategory === statusCategory) &&
          (memberId === undefined || t.ownerId === memberId || t.assigneeIds.includes(memberId)) &&
          (parentId === undefined || t.parentId === parentId),
      });
    },

    async update(id, changes, options = {}) {
      const taskId = parseInput(TaskIdSchema, id, 'task id');
      const parsed = parseInput(TaskChangesSchema, changes, 'task changes');
      const { expectedVersion } = parseInput(WriteOptionsSchema, options, 'write options');
      return runCommand(ctx, { name: 'task.update', target: { type: 'task', id: taskId } }, async (session) => {
        const current = await session.require('task', taskId, expectedVersion);
        session.authorize('task.update', resourceOf('task', current));
        const next = parseInput(TaskSchema, merge(current, parsed), 'task');
        const fields = changedFields(current, next);
        if (fields.some((f) => ASSIGNMENT.has(f))) session.authorize('task.assign', resourceOf('task', current));
        await requirePeopleOf(session, next, 'task changes', fields);
        if (next.parentId !== undefined && fields.includes('parentId')) await requireInCampaign(session, 'task', next.parentId, next.campaignId, 'task changes', ['parentId']);
        session.change((state) => {
          assignFields(state.task[taskId] as Record<string, unknown>, next);
        });
        const touches = taskTouches(next, fields);
        if (touches.length > 0) await reschedule(session, current.campaignId, touches);
        const task = session.get('task', taskId) ?? next;
        if (fields.length > 0) session.emit('task.updated', { type: 'task', id: taskId }, { task, fields });
        return task;
      });
    },

    async delete(id, options = {}) {
      const taskId = parseInput(TaskIdSchema, id, 'task id');
      const { expectedVersion } = parseInput(WriteOptionsSchema, options, 'write options');
      await runCommand(ctx, { name: 'task.delete', target: { type: 'task', id: taskId } }, async (session) => {
        const current = await session.require('task', taskId, expectedVersion);
        session.authorize('task.delete', resourceOf('task', current));
        await session.loadCampaignTypes(['task', 'dependency'], current.campaignId);
        const children = session.all('task', current.campaignId).filter((t) => t.parentId === taskId);
        if (children.length > 0) {
          throw new CampaignKitError('INVALID_STATE', `Task '${taskId}' has subtasks (${children.map((t) => t.id).join(', ')}); delete or move them first`, {
            details: { ids: children.map((t) => t.id) },
          });
        }
        const links = session.all('dependency', current.campaignId).filter((d) => d.from === taskId || d.to === taskId);
        session.change((state) => {
          for (const link of links) delete state.dependency[link.id];
          delete state.task[taskId];
        });
        await reschedule(session, current.campaignId, [{ kind: 'rebuild' }]);
        for (const dependency of links) session.emit('dependency.removed', { type: 'dependency', id: dependency.id }, { dependency });
        session.emit('task.deleted', { type: 'task', id: taskId }, { taskId });
      });
    },

    transition: async (id, input) => transitionCommand(ctx, id, input),
    setChecklistItem: async (id, change) => setChecklistItemCommand(ctx, id, change),
    kanban: async (campaignId, options = {}) => kanbanOf(ctx, campaignId, options),
    createSeries: async (input) => createSeriesCommand(ctx, input),
    updateSeries: async (id, changes) => updateSeriesCommand(ctx, id, changes),
    availableTransitions: async (id) => availableTransitionsOf(ctx, id),
  };
}
