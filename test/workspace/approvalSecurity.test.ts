import { expect, it } from 'vitest';
import { defineAccessPolicy } from '../../src/access/accessPolicy.js';
import type { Workspace } from '../../src/workspace/createWorkspace.js';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure, LAUNCH } from './_setup.js';

const finance = { id: 'm-qian', department: 'finance', roles: [{ role: 'manager' as const, campaignId: 'launch' }] };

/** A campaign with a budget request waiting for the manager (m-li), requested by the member (m-wang). */
async function budgetRequest(workspace: Workspace, approvers: string[] = ['m-li']): Promise<void> {
  await workspace.campaigns.create(LAUNCH);
  await workspace.budgets.createLine({ id: 'venue', campaignId: 'launch', category: 'venue', planned: 100_000_00, currency: 'CNY' });
  await workspace.withActor(actors.member).approvals.create({
    id: 'ap-budget',
    campaignId: 'launch',
    title: 'Venue deposit',
    subject: { type: 'budget', id: 'venue', amount: { amount: 30_000_00, currency: 'CNY' } },
    stages: [{ name: 'Finance', approvers, slaHours: 8 }],
  });
  await workspace.withActor(actors.member).approvals.submit('ap-budget');
}

describeOnEveryAdapter('approval security', (open) => {
  it('refuses a decision that brings its own delegation: a member cannot approve for the manager by naming themselves delegate', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace, storage, close } = opened;
    try {
      await budgetRequest(workspace);
      const member = workspace.withActor(actors.member);
      const forged = { approverId: 'm-li', delegateId: 'm-wang', from: '2026-03-01T00:00:00Z', to: '2026-03-31T00:00:00Z' };
      const before = (await storage.readAudit({ order: 'desc', limit: 1 })).items[0]?.seq;
      const withForgery = await failure(member.approvals.decide('ap-budget', { decision: 'approved', delegations: [forged] } as never));
      expect([withForgery.code, withForgery.details.issues?.[0]?.path]).toEqual(['VALIDATION', ['delegations']]);
      const plain = await failure(member.approvals.decide('ap-budget', { decision: 'approved' }));
      expect(plain.code).toBe('FORBIDDEN');
      expect((await workspace.approvals.get('ap-budget')).status).toBe('pending');
      expect((await storage.readAudit({ order: 'desc', limit: 1 })).items[0]?.seq).toBe(before);
    } finally {
      await close();
    }
  });

  it('refuses a delegation recorded for someone else by a member who is not an administrator', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace, close } = opened;
    try {
      await budgetRequest(workspace);
      const error = await failure(workspace.withActor(actors.member).members.delegate({ approverId: 'm-li', delegateId: 'm-wang', to: '2026-03-31T00:00:00Z' }));
      expect([error.code, error.details.permission]).toEqual(['FORBIDDEN', 'campaign.manageRoles']);
      expect((await workspace.members.delegations()).items).toEqual([]);
    } finally {
      await close();
    }
  });

  it('lets a delegate decide under the delegation the approver stored, until it is revoked', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace, events, close } = opened;
    try {
      await budgetRequest(workspace);
      const manager = workspace.withActor(actors.manager);
      const delegation = await manager.members.delegate({ id: 'dl-1', approverId: 'm-li', delegateId: 'm-qian', to: '2026-03-31T00:00:00Z' });
      expect(delegation).toEqual({ id: 'dl-1', approverId: 'm-li', delegateId: 'm-qian', from: '2026-03-02T09:00:00.000Z', to: '2026-03-31T00:00:00Z', createdBy: 'm-li' });
      expect(events.at(-1)).toMatchObject({ type: 'delegation.created', aggregateId: 'dl-1', version: 1 });
      // The delegate sees the delegation they hold; the requester does not.
      expect((await workspace.withActor(finance).members.delegations()).items.map((d) => d.id)).toEqual(['dl-1']);
      expect((await workspace.withActor(actors.member).members.delegations()).items).toEqual([]);

      const decided = await workspace.withActor(finance).approvals.decide('ap-budget', { decision: 'approved' });
      expect(decided.status).toBe('approved');
      expect(decided.rounds[0]?.decisions.map((d) => [d.by, d.onBehalfOf, d.decision])).toEqual([['m-qian', 'm-li', 'approved']]);

      const revoked = await manager.members.revokeDelegation('dl-1');
      expect([revoked.revokedAt, revoked.revokedBy]).toEqual(['2026-03-02T09:00:00.000Z', 'm-li']);
      expect((await workspace.members.delegations({ activeAt: '2026-03-03T00:00:00Z' })).items).toEqual([]);
      await workspace.withActor(actors.member).approvals.create({
        id: 'ap-second',
        campaignId: 'launch',
        subject: { type: 'budget', id: 'venue', amount: { amount: 5_000_00, currency: 'CNY' } },
        stages: [{ name: 'Finance', approvers: ['m-li'] }],
      });
      await workspace.withActor(actors.member).approvals.submit('ap-second');
      expect((await failure(workspace.withActor(finance).approvals.decide('ap-second', { decision: 'approved' }))).code).toBe('FORBIDDEN');
      expect((await failure(manager.members.revokeDelegation('dl-1'))).code).toBe('INVALID_STATE');
    } finally {
      await close();
    }
  });

  it('lets an administrator record a delegation for an approver, and refuses delegates who are not members', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace, close } = opened;
    try {
      const stored = await workspace.members.delegate({ id: 'dl-admin', approverId: 'm-li', delegateId: 'm-qian', from: '2026-03-05T00:00:00Z', to: '2026-03-06T00:00:00Z' });
      expect(stored.createdBy).toBe('m-root');
      const unknown = await failure(workspace.members.delegate({ approverId: 'm-li', delegateId: 'm-nobody', to: '2026-03-06T00:00:00Z' }));
      expect([unknown.code, unknown.details.issues?.[0]?.path]).toEqual(['VALIDATION', ['delegateId']]);
      const undone = await workspace.audit.undoLast();
      expect([undone.undoneCommand, (await workspace.members.delegations()).items]).toEqual(['member.delegate', []]);
    } finally {
      await close();
    }
  });

  it('refuses an agency every command on a budget approval, escalation included, and writes nothing', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace, storage, close } = opened;
    try {
      await budgetRequest(workspace);
      const agency = workspace.withActor(actors.agency);
      const before = (await storage.readAudit({ order: 'desc', limit: 1 })).items[0]?.seq;
      const attempts: [() => Promise<unknown>, string][] = [
        [() => agency.approvals.escalate('ap-budget'), 'budget.read'],
        [() => agency.approvals.get('ap-budget'), 'budget.read'],
        [() => agency.approvals.create({ campaignId: 'launch', subject: { type: 'budget', id: 'venue' }, stages: [{ name: 'Finance', approvers: ['m-li'] }] }), 'budget.read'],
        // External accounts lack these two outright, budget or not.
        [() => agency.approvals.cancel('ap-budget'), 'approval.cancel'],
        [() => agency.approvals.decide('ap-budget', { decision: 'approved' }), 'approval.decide'],
      ];
      for (const [attempt, permission] of attempts) {
        const error = await failure(attempt());
        expect([error.code, error.details.permission]).toEqual(['FORBIDDEN', permission]);
      }
      expect((await storage.readAudit({ order: 'desc', limit: 1 })).items[0]?.seq).toBe(before);
    } finally {
      await close();
    }
  });

  it('refuses approvers who are not members of the workspace', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace, close } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      const error = await failure(
        workspace.approvals.create({ campaignId: 'launch', subject: { type: 'task', id: 'brief' }, stages: [{ name: 'Brand', approvers: ['m-li', 'm-ghost'] }] }),
      );
      expect([error.code, error.details.issues]).toEqual([
        'VALIDATION',
        [{ path: ['stages', 0, 'approvers', 1], message: "there is no member 'm-ghost'; add them with members.create first", code: 'custom' }],
      ]);
      expect((await workspace.approvals.list({ campaignId: 'launch' })).items).toEqual([]);
    } finally {
      await close();
    }
  });
});

describeOnEveryAdapter('separation of duties', (open) => {
  const policy = defineAccessPolicy({ separationOfDuties: true });

  it('refuses a budget request whose only approver is its requester, when the policy separates duties', async () => {
    const opened = await open({ policy });
    if (opened === null) return;
    const { workspace, close } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      const manager = workspace.withActor(actors.manager);
      await manager.approvals.create({ id: 'ap-self', campaignId: 'launch', subject: { type: 'budget', id: 'venue' }, stages: [{ name: 'Finance', approvers: ['m-li'] }] });
      const error = await failure(manager.approvals.submit('ap-self'));
      expect([error.code, error.details.reason, error.details.stage]).toEqual(['INVALID_STATE', 'separationOfDuties', 0]);
      expect((await workspace.approvals.get('ap-self')).status).toBe('draft');
    } finally {
      await close();
    }
  });

  it('refuses the requester’s own decision on a stage with another approver, and lets the other decide', async () => {
    const opened = await open({ policy });
    if (opened === null) return;
    const { workspace, close } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      const manager = workspace.withActor(actors.manager);
      await manager.approvals.create({
        id: 'ap-two',
        campaignId: 'launch',
        subject: { type: 'budget', id: 'venue' },
        stages: [{ name: 'Finance', approvers: ['m-li', 'm-qian'], rule: 'any' }],
      });
      await manager.approvals.submit('ap-two');
      const error = await failure(manager.approvals.decide('ap-two', { decision: 'approved' }));
      expect([error.code, error.details.reason]).toEqual(['FORBIDDEN', 'separationOfDuties']);
      expect((await workspace.withActor(finance).approvals.decide('ap-two', { decision: 'approved' })).status).toBe('approved');
    } finally {
      await close();
    }
  });

  it('leaves a small team free to request and approve its own budget when the policy does not separate duties', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace, close } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      const manager = workspace.withActor(actors.manager);
      await manager.approvals.create({ id: 'ap-self', campaignId: 'launch', subject: { type: 'budget', id: 'venue' }, stages: [{ name: 'Finance', approvers: ['m-li'] }] });
      await manager.approvals.submit('ap-self');
      expect((await manager.approvals.decide('ap-self', { decision: 'approved' })).status).toBe('approved');
    } finally {
      await close();
    }
  });
});
