import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import type { Role } from '../model/member.js';
import { decide, grantsFor, type AccessDecision } from './_decide.js';
import { AccessPolicySchema, DEFAULT_ACCESS_POLICY, type AccessPolicy } from './accessPolicy.js';
import { ActorSchema, ResourceSchema, type Actor, type ActorInput, type Resource, type ResourceInput } from './actor.js';
import { PermissionSchema, type Permission } from './permissions.js';

export type { AccessDecision } from './_decide.js';

/** Parses a policy given on input; the default policy is known good and is not parsed again. */
export function parsePolicy(policy: AccessPolicy): AccessPolicy {
  return policy === DEFAULT_ACCESS_POLICY ? policy : parseInput(AccessPolicySchema, policy, 'access policy');
}

/**
 * Decides whether `actor` may take `permission` on `resource`, and says why. Deny by default: an
 * actor without a role covering the resource's campaign (and department) may do nothing.
 *
 * @param policy - which role may do what; default {@link DEFAULT_ACCESS_POLICY}.
 * @example
 * ```ts
 * const viewer = { id: 'm-wu', roles: [{ role: 'viewer', campaignId: 'launch' }] };
 * can(viewer, 'task.update', { type: 'task', campaignId: 'launch' });
 * // { allowed: false, permission: 'task.update',
 * //   reason: 'role viewer on campaign launch does not grant task.update (viewers cannot write)' }
 * ```
 */
export function can(actor: ActorInput, permission: Permission, resource: ResourceInput, policy: AccessPolicy = DEFAULT_ACCESS_POLICY): AccessDecision {
  return decide(
    parseInput(ActorSchema, actor, 'actor'),
    parseInput(PermissionSchema, permission, 'permission'),
    parseInput(ResourceSchema, resource, 'resource'),
    parsePolicy(policy),
  );
}

/**
 * Like {@link can}, but throws a `FORBIDDEN` {@link CampaignKitError} naming the missing permission
 * (in `details.permission`) when the action is not allowed.
 *
 * @example
 * ```ts
 * assertCan(viewer, 'task.update', { type: 'task', campaignId: 'launch' });
 * // throws FORBIDDEN "m-wu may not task.update: role viewer on campaign launch does not grant ..."
 * ```
 */
export function assertCan(actor: ActorInput, permission: Permission, resource: ResourceInput, policy: AccessPolicy = DEFAULT_ACCESS_POLICY): AccessDecision {
  const decision = can(actor, permission, resource, policy);
  if (!decision.allowed) throw forbidden(String(actor.id), decision, resource);
  return decision;
}

/** The `FORBIDDEN` error for a denied decision. */
export function forbidden(actorId: string, decision: AccessDecision, resource: Pick<ResourceInput, 'type' | 'id'>): CampaignKitError {
  return new CampaignKitError('FORBIDDEN', `${actorId} may not ${decision.permission}: ${decision.reason}`, {
    details: { permission: decision.permission, reason: decision.reason, resource: { type: resource.type, id: resource.id } },
  });
}

/** The scope {@link rolesOf} reads: a campaign and a department, both optional. */
const ScopeSchema = ResourceSchema.pick({ campaignId: true, department: true });

/**
 * The roles `actor` holds on a campaign (and department), strongest first. Members of an external
 * department (default `agency`) hold `external` whatever they were granted.
 *
 * @example
 * ```ts
 * rolesOf({ id: 'm-li', roles: [{ role: 'manager', campaignId: 'launch' }, { role: 'viewer' }] }, { campaignId: 'launch' });
 * // ['manager', 'viewer']
 * ```
 */
export function rolesOf(
  actor: ActorInput,
  scope: { campaignId?: string; department?: string },
  policy: AccessPolicy = DEFAULT_ACCESS_POLICY,
): Role[] {
  return rolesOfParsed(parseInput(ActorSchema, actor, 'actor'), parseInput(ScopeSchema, scope, 'scope'), parsePolicy(policy));
}

/** {@link can} for input already parsed (used by the workflow commands, which parse their context once). */
export function canParsed(actor: Actor, permission: Permission, resource: Resource, policy: AccessPolicy): AccessDecision {
  return decide(actor, permission, resource, policy);
}

/** {@link assertCan} for input already parsed: throws `FORBIDDEN` unless the decision allows it. */
export function assertCanParsed(actor: Actor, permission: Permission, resource: Resource, policy: AccessPolicy): AccessDecision {
  const decision = decide(actor, permission, resource, policy);
  if (!decision.allowed) throw forbidden(actor.id, decision, resource);
  return decision;
}

/** {@link rolesOf} for input already parsed. */
export function rolesOfParsed(actor: Actor, scope: { campaignId?: string; department?: string }, policy: AccessPolicy): Role[] {
  const capped = actor.department !== undefined && policy.externalDepartments.includes(actor.department);
  const roles = grantsFor(actor, scope).map((g) => (capped ? 'external' : g.role));
  return [...new Set(roles)];
}
