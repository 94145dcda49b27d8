import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCESS_POLICY, defineAccessPolicy } from '../../src/access/accessPolicy.js';
import { assertCan, can, rolesOf } from '../../src/access/can.js';
import { PERMISSIONS } from '../../src/access/permissions.js';
import { isCampaignKitError, type CampaignKitError } from '../../src/core/errors.js';

const manager = { id: 'm-li', roles: [{ role: 'manager' as const, campaignId: 'launch' }] };
const viewer = { id: 'm-wu', roles: [{ role: 'viewer' as const, campaignId: 'launch' }] };
const agency = { id: 'm-ad', department: 'agency', roles: [{ role: 'external' as const, campaignId: 'launch' }] };
const executive = { id: 'm-ceo', roles: [{ role: 'executive' as const }] };
const task = { type: 'task', id: 't1', campaignId: 'launch', ownerId: 'm-li', assigneeIds: ['m-sun'] };

function thrown(run: () => unknown): CampaignKitError {
  try {
    run();
  } catch (e) {
    if (isCampaignKitError(e)) return e;
    throw e;
  }
  throw new Error('expected a CampaignKitError');
}

describe('can', () => {
  it('allows a manager to update a task and names the role and campaign that grant it', () => {
    expect(can(manager, 'task.update', task)).toEqual({
      allowed: true,
      permission: 'task.update',
      role: 'manager',
      reason: 'role manager on campaign launch grants task.update',
    });
  });

  it('lets a viewer read but never write, and says viewers cannot write', () => {
    expect(can(viewer, 'task.read', task).allowed).toBe(true);
    expect(can(viewer, 'task.update', task)).toEqual({
      allowed: false,
      permission: 'task.update',
      reason: 'role viewer on campaign launch does not grant task.update (viewers cannot write)',
    });
    const writes = PERMISSIONS.filter((p) => !p.endsWith('.read'));
    expect(writes.filter((p) => can(viewer, p, task).allowed)).toEqual([]);
  });

  it('denies by default on a campaign where the actor has no role', () => {
    expect(can(manager, 'task.read', { type: 'task', campaignId: 'other' })).toEqual({
      allowed: false,
      permission: 'task.read',
      reason: 'm-li has no role on campaign other; access is denied by default',
    });
  });

  it('applies a workspace-wide grant to every campaign but a campaign grant only to its campaign', () => {
    const admin = { id: 'm-root', roles: [{ role: 'admin' as const }] };
    expect(can(admin, 'campaign.delete', { type: 'campaign', campaignId: 'any' }).reason).toBe('role admin on every campaign grants campaign.delete');
    expect(can(manager, 'template.manage', { type: 'template', id: 'tpl' }).reason).toBe(
      'm-li has no role on the workspace; access is denied by default',
    );
  });

  it('lets an agency change only tasks assigned to it and never read budgets', () => {
    expect(can(agency, 'task.update', task)).toEqual({
      allowed: false,
      permission: 'task.update',
      reason: 'role external on campaign launch grants task.update only on a task they own or are assigned to',
    });
    expect(can(agency, 'task.update', { ...task, assigneeIds: ['m-ad'] })).toEqual({
      allowed: true,
      permission: 'task.update',
      role: 'external',
      reason: 'role external on campaign launch grants task.update on a task they own or are assigned to',
    });
    expect(can(agency, 'budget.read', task).reason).toBe('role external on campaign launch does not grant budget.read');
  });

  it('limits members of the agency department to what external allows whatever role they were granted', () => {
    const agencyManager = { id: 'm-ad', department: 'agency', roles: [{ role: 'manager' as const, campaignId: 'launch' }] };
    expect(can(agencyManager, 'budget.read', task).reason).toBe(
      'm-ad is in the agency department, which is limited to what role external allows, and external does not grant budget.read',
    );
    expect(can(agencyManager, 'task.update', task).reason).toBe(
      'm-ad is in the agency department, which is limited to what role external allows: task.update only on a task they own or are assigned to',
    );
    expect(can(agencyManager, 'task.read', task)).toMatchObject({ allowed: true, role: 'manager' });
  });

  it('scopes a department grant to that department’s resources', () => {
    const designer = { id: 'm-sun', department: 'design', roles: [{ role: 'member' as const, campaignId: 'launch', department: 'design' }] };
    expect(can(designer, 'task.update', { ...task, department: 'design' }).reason).toBe(
      'role member on campaign launch for the design department grants task.update',
    );
    expect(can(designer, 'task.update', { ...task, department: 'legal' }).reason).toBe(
      'm-sun has no role on campaign launch (legal department); access is denied by default',
    );
  });

  it('gives executives summaries, KPIs and budgets but not task details', () => {
    expect(can(executive, 'report.read', task).allowed).toBe(true);
    expect(can(executive, 'budget.read', task).allowed).toBe(true);
    expect(can(executive, 'task.read', task).reason).toBe('role executive on campaign launch does not grant task.read');
  });

  it('lets a member delete only the tasks they own', () => {
    const member = { id: 'm-sun', roles: [{ role: 'member' as const, campaignId: 'launch' }] };
    expect(can(member, 'task.delete', task).allowed).toBe(false);
    expect(can(member, 'task.delete', { ...task, ownerId: 'm-sun' }).allowed).toBe(true);
  });

  it('refuses an unknown permission with a VALIDATION error naming it', () => {
    const error = thrown(() => can(manager, 'task.updat' as never, task));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(`Invalid permission: (input): unknown permission "task.updat"; expected one such as 'task.update' or 'budget.read'`);
  });
});

describe('assertCan', () => {
  it('throws FORBIDDEN naming the missing permission', () => {
    const error = thrown(() => assertCan(viewer, 'task.update', task));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.details.permission).toBe('task.update');
    expect(error.message).toBe('m-wu may not task.update: role viewer on campaign launch does not grant task.update (viewers cannot write)');
  });

  it('returns the decision when allowed', () => {
    expect(assertCan(manager, 'budget.write', task).role).toBe('manager');
  });
});

describe('rolesOf and policies', () => {
  it('lists the roles covering a campaign, strongest first, and external for agency accounts', () => {
    const actor = { id: 'm-li', roles: [{ role: 'viewer' as const }, { role: 'manager' as const, campaignId: 'launch' }] };
    expect(rolesOf(actor, { campaignId: 'launch' })).toEqual(['manager', 'viewer']);
    expect(rolesOf(actor, { campaignId: 'other' })).toEqual(['viewer']);
    expect(rolesOf({ ...actor, department: 'agency' }, { campaignId: 'launch' })).toEqual(['external']);
  });

  it('replaces only the roles a custom policy names', () => {
    const policy = defineAccessPolicy({ roles: { viewer: ['campaign.read', 'report.read'] } });
    expect(can(viewer, 'task.read', task, policy).allowed).toBe(false);
    expect(can(viewer, 'report.read', task, policy).allowed).toBe(true);
    expect(policy.roles.manager).toEqual(DEFAULT_ACCESS_POLICY.roles.manager);
    expect(policy.externalDepartments).toEqual(['agency']);
  });
});
