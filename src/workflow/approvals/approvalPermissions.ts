import { PermissionSchema, type Permission } from '../../access/permissions.js';
import { parseInput } from '../../core/validate.js';
import { ApprovalSchema, type Approval } from '../../model/approval.js';

/** The part of an approval {@link permissionsToActOn} reads. */
const SubjectOnlySchema = ApprovalSchema.pick({ subject: true });

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
  return permissionsToActOnParsed(parseInput(SubjectOnlySchema, approval, 'approval'), parseInput(PermissionSchema, permission, 'permission'));
}

/** {@link permissionsToActOn} for input already parsed (the approval commands, which parse the approval once). */
export function permissionsToActOnParsed(approval: Pick<Approval, 'subject'>, permission: Permission): Permission[] {
  return approval.subject.type === 'budget' ? [permission, 'budget.read'] : [permission];
}
