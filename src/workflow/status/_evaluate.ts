import { canParsed, forbidden, rolesOfParsed } from '../../access/can.js';
import type { Resource } from '../../access/actor.js';
import { CampaignKitError } from '../../core/errors.js';
import { invalidField } from '../../core/validate.js';
import type { Task } from '../../model/task.js';
import type { CommandContext } from '../context.js';
import { transitionBlockersParsed, type TaskBoard } from './transitionBlockers.js';
import type { StatusDefinition, StatusWorkflow, TransitionRule } from './statusWorkflow.js';

/** A transition that passed every check. */
export interface Evaluated {
  readonly from: StatusDefinition;
  readonly to: StatusDefinition;
}

/** The access resource describing a task. */
export function taskResource(task: Task): Resource {
  return { type: 'task', id: task.id, campaignId: task.campaignId, ownerId: task.ownerId, assigneeIds: task.assigneeIds };
}

/** True when `rule` can be taken from status `status`. */
export function leaves(rule: TransitionRule, status: string): boolean {
  const froms = typeof rule.from === 'string' ? [rule.from] : rule.from;
  return froms.some((f) => f === '*' || f === status);
}

function matchesRule(rule: TransitionRule, task: Task, context: CommandContext): boolean {
  if (rule.roles === undefined && rule.departments === undefined && rule.assignees === undefined) return true;
  const { actor } = context;
  const roles = rolesOfParsed(actor, { campaignId: task.campaignId }, context.policy);
  if (rule.roles?.some((r) => roles.includes(r))) return true;
  if (actor.department !== undefined && rule.departments?.includes(actor.department)) return true;
  return rule.assignees === true && (task.ownerId === actor.id || task.assigneeIds.includes(actor.id));
}

function whoMay(rules: readonly TransitionRule[]): string {
  const parts = new Set<string>();
  for (const rule of rules) {
    for (const role of rule.roles ?? []) parts.add(`role ${role}`);
    for (const department of rule.departments ?? []) parts.add(`the ${department} department`);
    if (rule.assignees === true) parts.add("the task's owner and assignees");
  }
  return [...parts].join(', ');
}

/** Checks one transition of `task` to status `to`; returns the statuses or the error to throw. */
export function evaluateTransition(
  board: TaskBoard,
  task: Task,
  to: string,
  comment: string | undefined,
  workflow: StatusWorkflow,
  context: CommandContext,
): Evaluated | CampaignKitError {
  const from = workflow.statuses.find((s) => s.name === task.status);
  if (from === undefined) {
    return new CampaignKitError('INVALID_STATE', `Task '${task.id}' has status '${task.status}', which the '${workflow.taskType}' workflow does not define; set a defined status first`, {
      details: { ids: [task.id] },
    });
  }
  const target = workflow.statuses.find((s) => s.name === to);
  if (target === undefined) {
    return invalidField('transition', ['to'], `'${to}' is not a status of task type '${workflow.taskType}'; expected one of ${workflow.statuses.map((s) => `'${s.name}'`).join(', ')}`);
  }
  if (target.name === from.name) return invalidField('transition', ['to'], `task '${task.id}' is already '${to}'`);
  const access = canParsed(context.actor, 'task.transition', taskResource(task), context.policy);
  if (!access.allowed) return forbidden(context.actor.id, access, taskResource(task));
  const rules = workflow.transitions.filter((r) => r.to === target.name && leaves(r, from.name));
  if (rules.length === 0) {
    const next = [...new Set(workflow.transitions.filter((r) => leaves(r, from.name)).map((r) => r.to))];
    const hint = next.length === 0 ? 'none' : next.map((s) => `'${s}'`).join(', ');
    return invalidField('transition', ['to'], `the '${workflow.taskType}' workflow has no transition from '${from.name}' to '${to}'; allowed from '${from.name}': ${hint}`);
  }
  const permitted = rules.filter((rule) => matchesRule(rule, task, context));
  if (permitted.length === 0) {
    const reason = `only ${whoMay(rules)} may move a task from '${from.name}' to '${to}'`;
    return forbidden(context.actor.id, { allowed: false, permission: 'task.transition', reason }, taskResource(task));
  }
  if (permitted.every((r) => r.commentRequired) && (comment === undefined || comment.trim() === '')) {
    return invalidField('transition', ['comment'], `moving a task from '${from.name}' to '${to}' needs a comment saying why`);
  }
  const blockers = transitionBlockersParsed(board, task, target.category, workflow.guards);
  if (blockers.length > 0) {
    return new CampaignKitError('INVALID_STATE', `Cannot move task '${task.id}' to '${to}': ${blockers.map((b) => b.message).join('; ')}`, {
      details: { ids: [task.id], blockers },
    });
  }
  return { from, to: target };
}
