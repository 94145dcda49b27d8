import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { DepartmentSchema, ROLES } from '../../model/member.js';
import { STATUS_CATEGORIES } from '../../model/task.js';

/** A custom status and the fixed category reports use for it. */
export const StatusDefinitionSchema = z.object({
  /** Status name as tasks store it, e.g. `Client review`. */
  name: z.string().min(1).max(100),
  /** Fixed category: backlog, todo, in_progress, in_review, done or cancelled. */
  category: z.enum(STATUS_CATEGORIES),
  /** Work-in-progress limit of the status's kanban column. */
  wipLimit: z.int().min(1).optional(),
});
/** A custom status. */
export type StatusDefinition = z.infer<typeof StatusDefinitionSchema>;

/**
 * An allowed move between statuses. Without `roles`, `departments` and `assignees`, anyone who may
 * `task.transition` may take it; with any of them, the actor must match at least one.
 */
export const TransitionRuleSchema = z.object({
  /** Source status, several, or `'*'` for any. */
  from: z.union([z.string().min(1).max(100), z.array(z.string().min(1).max(100)).min(1)]),
  /** Target status. */
  to: z.string().min(1).max(100),
  /** Campaign roles that may take the transition. */
  roles: z.array(z.enum(ROLES)).optional(),
  /** Departments whose members may take it. */
  departments: z.array(DepartmentSchema).optional(),
  /** Whether the task's owner and assignees may take it. */
  assignees: z.boolean().optional(),
  /** Whether a comment must explain the move (e.g. sending work back). */
  commentRequired: z.boolean().default(false),
});
/** An allowed move between statuses. */
export type TransitionRule = z.infer<typeof TransitionRuleSchema>;

/** Rules checked on every transition, whoever takes it. */
export const WorkflowGuardsSchema = z.object({
  /** A task cannot reach a done status while a checklist item is open. */
  checklist: z.boolean().default(true),
  /** A task cannot reach a done status while a required approval of it is not approved. */
  approvals: z.boolean().default(true),
  /**
   * `block`: a task cannot start (leave backlog/todo) before its finish-to-start predecessors are
   * done or cancelled, and a done or cancelled task cannot be reopened or restored while such a
   * successor has started.
   * `allow`: no such check.
   */
  predecessors: z.enum(['block', 'allow']).default('block'),
});
/** Rules checked on every transition. */
export type WorkflowGuards = z.infer<typeof WorkflowGuardsSchema>;

/** The statuses of one task type, their categories, the allowed transitions and the guards. */
export const StatusWorkflowSchema = z
  .object({
    /** Task type the workflow applies to (`task`, `creative`, …). */
    taskType: z.string().min(1).max(100),
    /** Statuses in board order. */
    statuses: z.array(StatusDefinitionSchema).min(1),
    /** Status of a new task. */
    initial: z.string().min(1).max(100),
    /** Allowed transitions; anything else is refused. */
    transitions: z.array(TransitionRuleSchema),
    /** Guards. */
    guards: WorkflowGuardsSchema.default({ checklist: true, approvals: true, predecessors: 'block' }),
  })
  .superRefine((workflow, ctx) => {
    const names = new Set<string>();
    workflow.statuses.forEach((status, i) => {
      if (names.has(status.name)) ctx.addIssue({ code: 'custom', path: ['statuses', i, 'name'], message: `status '${status.name}' is defined twice` });
      names.add(status.name);
    });
    if (!names.has(workflow.initial)) ctx.addIssue({ code: 'custom', path: ['initial'], message: `'${workflow.initial}' is not one of the statuses` });
    workflow.transitions.forEach((rule, i) => {
      const froms = typeof rule.from === 'string' ? [rule.from] : rule.from;
      froms.forEach((from, j) => {
        if (from !== '*' && !names.has(from)) {
          const path = typeof rule.from === 'string' ? ['transitions', i, 'from'] : ['transitions', i, 'from', j];
          ctx.addIssue({ code: 'custom', path, message: `'${from}' is not one of the statuses` });
        }
      });
      if (!names.has(rule.to)) ctx.addIssue({ code: 'custom', path: ['transitions', i, 'to'], message: `'${rule.to}' is not one of the statuses` });
    });
  });
/** A status workflow. */
export type StatusWorkflow = z.infer<typeof StatusWorkflowSchema>;
/** A status workflow, as accepted on input. */
export type StatusWorkflowInput = z.input<typeof StatusWorkflowSchema>;

/**
 * Validates a status workflow: unique status names, a known initial status, transitions between
 * known statuses.
 *
 * @example
 * ```ts
 * defineStatusWorkflow({
 *   taskType: 'legal',
 *   statuses: [{ name: 'Queued', category: 'todo' }, { name: 'Cleared', category: 'done' }],
 *   initial: 'Queued',
 *   transitions: [{ from: 'Queued', to: 'Cleared', departments: ['legal'] }],
 * }).guards; // { checklist: true, approvals: true, predecessors: 'block' }
 * ```
 */
export function defineStatusWorkflow(input: StatusWorkflowInput): StatusWorkflow {
  return parseInput(StatusWorkflowSchema, input, 'status workflow');
}

const MANAGERS = ['admin', 'manager'] as const;

/**
 * The default workflow (task type `task`): one status per category. Anyone who may transition a
 * task moves it between backlog, to do, in progress and in review; the owner, assignees or a
 * manager finish it; only managers cancel, restore or reopen.
 */
export const DEFAULT_STATUS_WORKFLOW: StatusWorkflow = defineStatusWorkflow({
  taskType: 'task',
  statuses: STATUS_CATEGORIES.map((category) => ({ name: category, category })),
  initial: 'todo',
  transitions: [
    { from: 'backlog', to: 'todo' },
    { from: 'todo', to: 'backlog' },
    { from: 'todo', to: 'in_progress' },
    { from: 'in_progress', to: 'todo' },
    { from: 'in_progress', to: 'in_review' },
    { from: 'in_review', to: 'in_progress', commentRequired: true },
    { from: ['in_progress', 'in_review'], to: 'done', roles: [...MANAGERS], assignees: true },
    { from: 'done', to: 'in_progress', roles: [...MANAGERS], commentRequired: true },
    { from: ['backlog', 'todo', 'in_progress', 'in_review'], to: 'cancelled', roles: [...MANAGERS] },
    { from: 'cancelled', to: 'todo', roles: [...MANAGERS] },
  ],
});

/**
 * A workflow for creative work (task type `creative`) with two review statuses: internal review by
 * the design department or a manager, then client review; at most 3 pieces in internal review.
 */
export const CREATIVE_STATUS_WORKFLOW: StatusWorkflow = defineStatusWorkflow({
  taskType: 'creative',
  statuses: [
    { name: 'Briefed', category: 'todo' },
    { name: 'Drafting', category: 'in_progress' },
    { name: 'Internal review', category: 'in_review', wipLimit: 3 },
    { name: 'Client review', category: 'in_review' },
    { name: 'Approved', category: 'done' },
    { name: 'Dropped', category: 'cancelled' },
  ],
  initial: 'Briefed',
  transitions: [
    { from: 'Briefed', to: 'Drafting', roles: [...MANAGERS], assignees: true },
    { from: 'Drafting', to: 'Internal review', assignees: true },
    { from: 'Internal review', to: 'Drafting', roles: [...MANAGERS], departments: ['design'], commentRequired: true },
    { from: 'Internal review', to: 'Client review', roles: [...MANAGERS], departments: ['design'] },
    { from: 'Client review', to: 'Drafting', roles: [...MANAGERS], commentRequired: true },
    { from: 'Client review', to: 'Approved', roles: [...MANAGERS] },
    { from: '*', to: 'Dropped', roles: [...MANAGERS] },
  ],
});

/** The workflow for a task type: the first of `workflows` for it, else the default workflow. */
export function workflowFor(taskType: string, workflows: readonly StatusWorkflow[]): StatusWorkflow {
  return workflows.find((w) => w.taskType === taskType) ?? DEFAULT_STATUS_WORKFLOW;
}
