import { ROLES, type Role, type RoleGrant } from '../model/member.js';
import { ruleFor, type AccessPolicy, type PermissionRule } from './accessPolicy.js';
import type { Actor, Resource } from './actor.js';
import { isWritePermission, type Permission } from './permissions.js';

/** The outcome of an access check, with the reason in words. */
export interface AccessDecision {
  /** Whether the action is allowed. */
  readonly allowed: boolean;
  /** The permission checked. */
  readonly permission: Permission;
  /** Why, naming the role and scope that decided (or the lack of one). */
  readonly reason: string;
  /** The role that granted the permission, when allowed. */
  readonly role?: Role;
}

function scopeText(campaignId: string | undefined, department: string | undefined): string {
  const campaign = campaignId === undefined ? 'the workspace' : `campaign ${campaignId}`;
  return department === undefined ? campaign : `${campaign} (${department} department)`;
}

function grantText(grant: RoleGrant): string {
  const campaign = grant.campaignId === undefined ? 'every campaign' : `campaign ${grant.campaignId}`;
  return `role ${grant.role} on ${campaign}${grant.department === undefined ? '' : ` for the ${grant.department} department`}`;
}

/** Grants of `actor` that cover the resource's scope, strongest role first. */
export function grantsFor(actor: Actor, resource: { campaignId?: string | undefined; department?: string | undefined }): RoleGrant[] {
  return actor.roles
    .filter((g) => g.campaignId === undefined || g.campaignId === resource.campaignId)
    .filter((g) => g.department === undefined || g.department === resource.department)
    .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
}

function conditionOf(rule: PermissionRule): 'assigned' | 'owner' | undefined {
  return typeof rule === 'string' ? undefined : rule.when;
}

function meets(condition: 'assigned' | 'owner' | undefined, actor: Actor, resource: Resource): boolean {
  if (condition === undefined) return true;
  if (resource.ownerId === actor.id) return true;
  return condition === 'assigned' && resource.assigneeIds.includes(actor.id);
}

const CONDITION_TEXT = { assigned: 'they own or are assigned to', owner: 'they own' } as const;

function a(type: string): string {
  return `${/^[aeiou]/i.test(type) ? 'an' : 'a'} ${type}`;
}

/** Decides one permission for parsed input; the public `can` parses and then calls this. */
export function decide(actor: Actor, permission: Permission, resource: Resource, policy: AccessPolicy): AccessDecision {
  const grants = grantsFor(actor, resource);
  const scope = scopeText(resource.campaignId, resource.department);
  if (grants.length === 0) {
    return { allowed: false, permission, reason: `${actor.id} has no role on ${scope}; access is denied by default` };
  }
  const capped = actor.department !== undefined && policy.externalDepartments.includes(actor.department);
  let miss: string | undefined;
  for (const grant of grants) {
    const rule = ruleFor(policy, grant.role, permission);
    if (rule === undefined) continue;
    const cap = capped && grant.role !== 'external' ? ruleFor(policy, 'external', permission) : rule;
    if (cap === undefined) {
      miss ??= `${actor.id} is in the ${actor.department} department, which is limited to what role external allows, and external does not grant ${permission}`;
      continue;
    }
    const own = conditionOf(rule);
    const capCondition = cap === rule ? undefined : conditionOf(cap);
    if (meets(own, actor, resource) && meets(capCondition, actor, resource)) {
      const condition = own ?? capCondition;
      const suffix = condition === undefined ? '' : ` on ${a(resource.type)} ${CONDITION_TEXT[condition]}`;
      return { allowed: true, permission, role: grant.role, reason: `${grantText(grant)} grants ${permission}${suffix}` };
    }
    if (!meets(own, actor, resource) && own !== undefined) {
      miss ??= `${grantText(grant)} grants ${permission} only on ${a(resource.type)} ${CONDITION_TEXT[own]}`;
    } else if (capCondition !== undefined) {
      miss ??= `${actor.id} is in the ${actor.department} department, which is limited to what role external allows: ${permission} only on ${a(resource.type)} ${CONDITION_TEXT[capCondition]}`;
    }
  }
  if (miss !== undefined) return { allowed: false, permission, reason: miss };
  const roles = [...new Set(grants.map((g) => g.role))];
  const readOnly = roles.every((r) => r === 'viewer') && isWritePermission(permission) ? ' (viewers cannot write)' : '';
  const list = roles.join(', ');
  return {
    allowed: false,
    permission,
    reason: `${roles.length === 1 ? 'role' : 'roles'} ${list} on ${scope} ${roles.length === 1 ? 'does' : 'do'} not grant ${permission}${readOnly}`,
  };
}
