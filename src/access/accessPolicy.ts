import * as z from 'zod';
import { parseInput } from '../core/validate.js';
import { DepartmentSchema, ROLES, type Role } from '../model/member.js';
import { PERMISSIONS, PermissionSchema, type Permission } from './permissions.js';

/**
 * A permission a role holds: outright, or only on resources the actor is assigned to (owner or
 * assignee) or owns.
 */
export const PermissionRuleSchema = z.union([
  PermissionSchema,
  z.object({
    /** The permission. */
    permission: PermissionSchema,
    /** `assigned`: only when the actor owns or is assigned to the resource; `owner`: only when they own it. */
    when: z.enum(['assigned', 'owner']),
  }),
]);
/** A permission a role holds, outright or on a condition. */
export type PermissionRule = z.infer<typeof PermissionRuleSchema>;

const roleRules = z.array(PermissionRuleSchema);

/** Which role may do what. Anything not listed is denied. */
export const AccessPolicySchema = z.object({
  /** Permission rules per role; every role must be listed (an empty list denies everything). */
  roles: z.object({
    /** Administrators. */ admin: roleRules,
    /** Campaign managers. */ manager: roleRules,
    /** Team members. */ member: roleRules,
    /** Read-only access. */ viewer: roleRules,
    /** Agencies and other outside accounts. */ external: roleRules,
    /** Executives: summaries and budgets, not task details. */ executive: roleRules,
  }),
  /** Departments whose members get at most what `external` allows, whatever role they hold. */
  externalDepartments: z.array(DepartmentSchema).default(['agency']),
  /**
   * Separation of duties for budget approvals: the member who requested one can neither decide it
   * (nor have a delegate decide for them) nor be the approver a stage depends on. Off by default,
   * so a small team whose manager both spends and approves keeps working.
   */
  separationOfDuties: z.boolean().default(false),
});
/** An access policy. */
export type AccessPolicy = z.infer<typeof AccessPolicySchema>;

const READS = PERMISSIONS.filter((p) => p.endsWith('.read'));

/**
 * The default policy. Admins may do everything; managers everything but delete a campaign; members
 * work on tasks, approvals, comments and KPIs and read budgets; viewers only read; external
 * (agency) accounts see the campaign, its tasks and deliverables, comment, and change and attach
 * files only to tasks assigned to them, and never see budgets or costs; executives read summaries, KPIs and budgets and
 * take approval decisions.
 */
export const DEFAULT_ACCESS_POLICY: AccessPolicy = {
  roles: {
    admin: [...PERMISSIONS],
    manager: PERMISSIONS.filter((p) => p !== 'campaign.delete'),
    member: [
      'campaign.read',
      'task.read',
      'task.create',
      'task.update',
      'task.transition',
      'task.assign',
      { permission: 'task.delete', when: 'owner' },
      'budget.read',
      'approval.read',
      'approval.request',
      'approval.decide',
      { permission: 'approval.cancel', when: 'owner' },
      'comment.read',
      'comment.create',
      'attachment.read',
      'attachment.create',
      { permission: 'attachment.delete', when: 'owner' },
      'kpi.read',
      'kpi.write',
      'template.read',
      'report.read',
    ],
    viewer: READS.filter((p) => p !== 'audit.read'),
    external: [
      'campaign.read',
      'task.read',
      { permission: 'task.update', when: 'assigned' },
      { permission: 'task.transition', when: 'assigned' },
      'approval.read',
      'approval.request',
      { permission: 'approval.cancel', when: 'owner' },
      'comment.read',
      'comment.create',
      'attachment.read',
      { permission: 'attachment.create', when: 'assigned' },
    ],
    executive: ['campaign.read', 'report.read', 'kpi.read', 'budget.read', 'approval.read', 'approval.decide', 'comment.read', 'template.read'],
  },
  externalDepartments: ['agency'],
  separationOfDuties: false,
};

/** Input of {@link defineAccessPolicy}: roles left out keep their default rules. */
export const AccessPolicyInputSchema = z.object({
  /** Replacement rules for some roles. */
  roles: z.partialRecord(z.enum(ROLES), roleRules).default({}),
  /** Departments limited to what `external` allows (default `['agency']`). */
  externalDepartments: z.array(DepartmentSchema).optional(),
  /** Separation of duties for budget approvals (default off); see {@link AccessPolicySchema}. */
  separationOfDuties: z.boolean().optional(),
});
/** Input of {@link defineAccessPolicy}. */
export type AccessPolicyInput = z.input<typeof AccessPolicyInputSchema>;

/**
 * Builds a policy from the default, replacing the rules of the roles given.
 *
 * @example
 * ```ts
 * const policy = defineAccessPolicy({ roles: { viewer: ['campaign.read', 'report.read'] } });
 * can(viewer, 'task.read', { type: 'task', campaignId: 'c1' }, policy).allowed; // false
 * ```
 */
export function defineAccessPolicy(input: AccessPolicyInput): AccessPolicy {
  const parsed = parseInput(AccessPolicyInputSchema, input, 'access policy');
  const roles = { ...DEFAULT_ACCESS_POLICY.roles };
  for (const role of ROLES) {
    const rules = parsed.roles[role];
    if (rules !== undefined) roles[role] = rules;
  }
  return {
    roles,
    externalDepartments: parsed.externalDepartments ?? DEFAULT_ACCESS_POLICY.externalDepartments,
    separationOfDuties: parsed.separationOfDuties ?? DEFAULT_ACCESS_POLICY.separationOfDuties,
  };
}

/** The rule, if any, by which `role` holds `permission` under `policy`. */
export function ruleFor(policy: AccessPolicy, role: Role, permission: Permission): PermissionRule | undefined {
  return policy.roles[role].find((rule) => (typeof rule === 'string' ? rule : rule.permission) === permission);
}
