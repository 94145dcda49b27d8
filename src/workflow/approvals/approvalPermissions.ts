import type { Permission } from '../../access/permissions.js';
import type { Approval } from '../../model/approval.js';

/**
 * The permissions an actor needs to act on an approval with `permission`: that one, and
 * `budget.read` when the approval is about a budget request, whose amount and purpose are budget
 * data. Every approval command and read applies this one rule, in the workflow engine and in the
 * workspace alike.
 *
 * @example
 * ```ts
 * permissionsToActOn(budgetApproval, 'approval.read'); // ['approval.read', 'budget.read']
 * ```
 */
export function permissionsToActOn(approval: Pick<Approval, 'subject'>, permission: Permission): Permission[] {
  return approval.subject.type === 'budget' ? [permission, 'budget.read'] : [permission];
}
