import { expect, it } from 'vitest';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure, LAUNCH } from './_setup.js';

// A campaign's type, its initiation approval (立项审批) and its lifecycle with guards, on every adapter.

describeOnEveryAdapter('campaign lifecycle', (open) => {
  it('moves draft → approved → active → closed through its guards, announcing each move', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace, events } = opened;
    try {
      const campaign = await workspace.campaigns.create({ ...LAUNCH, type: 'product-launch' });
      expect([campaign.type, campaign.status]).toEqual(['product-launch', 'draft']);
      await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief' });
      const manager = workspace.withActor(actors.manager);

      const early = await failure(manager.campaigns.transition('launch', { to: 'approved' }));
      expect([early.code, early.message]).toEqual([
        'INVALID_STATE',
        "Cannot move campaign 'launch' to 'approved': the campaign has no initiation approval; create one whose subject is the campaign",
      ]);
      await workspace.approvals.create({ id: 'initiation', campaignId: 'launch', subject: { type: 'campaign', id: 'launch' }, stages: [{ name: 'Director', approvers: ['m-li'] }] });
      await workspace.approvals.submit('initiation');
      expect((await failure(manager.campaigns.transition('launch', { to: 'approved' }))).details.ids).toEqual(['initiation']);
      await manager.approvals.decide('initiation', { decision: 'approved' });
      expect((await manager.campaigns.transition('launch', { to: 'approved' })).status).toBe('approved');
      expect((await manager.campaigns.transition('launch', { to: 'active' })).status).toBe('active');
      expect((await failure(manager.campaigns.transition('launch', { to: 'paused' }))).code).toBe('VALIDATION');
      expect((await failure(manager.campaigns.transition('launch', { to: 'closed' }))).details.ids).toEqual(['brief']);
      await manager.tasks.transition('brief', { to: 'in_progress' });
      await manager.tasks.transition('brief', { to: 'done' });
      expect((await manager.campaigns.transition('launch', { to: 'closed' })).status).toBe('closed');
      const moves = events.flatMap((e) => (e.type === 'campaign.statusChanged' ? [[e.from, e.to, e.by]] : []));
      expect(moves).toEqual([
        ['draft', 'approved', 'm-li'],
        ['approved', 'active', 'm-li'],
        ['active', 'closed', 'm-li'],
      ]);
      const closed = await failure(manager.campaigns.transition('launch', { to: 'active' }));
      expect([closed.code, closed.message]).toEqual(['INVALID_STATE', "Campaign 'launch' is closed; it can move to no other status, not 'active'"]);
    } finally {
      await opened.close();
    }
  });

  it('keeps status out of updates, refuses viewers and initiation approvals of another campaign', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.campaigns.create({ ...LAUNCH, id: 'autumn' });
      expect((await failure(workspace.campaigns.update('launch', { status: 'active' } as never))).details.issues?.[0]?.path).toEqual(['status']);
      expect((await failure(workspace.withActor(actors.viewer).campaigns.transition('launch', { to: 'cancelled', comment: 'x' }))).code).toBe('FORBIDDEN');
      const misplaced = await failure(workspace.approvals.create({ campaignId: 'launch', subject: { type: 'campaign', id: 'autumn' }, stages: [{ name: 'Director', approvers: ['m-li'] }] }));
      expect([misplaced.code, misplaced.details.issues?.[0]?.path]).toEqual(['VALIDATION', ['subject', 'id']]);
      const nowhere = await failure(workspace.approvals.create({ campaignId: 'launch', subject: { type: 'task', id: 'ghost' }, stages: [{ name: 'Director', approvers: ['m-li'] }] }));
      expect([nowhere.code, nowhere.details.issues?.[0]?.path]).toEqual(['VALIDATION', ['subject', 'id']]);
      expect((await workspace.campaigns.transition('launch', { to: 'cancelled', comment: 'Budget withdrawn' })).status).toBe('cancelled');
      expect((await failure(workspace.campaigns.create({ ...LAUNCH, id: 'bad', type: 'Product Launch' }))).code).toBe('VALIDATION');
      // RMB is not an ISO 4217 code (CNY is): refused at creation, not by every later budget command.
      expect((await failure(workspace.campaigns.create({ ...LAUNCH, id: 'rmb', currency: 'RMB' }))).details.issues?.[0]?.path).toEqual(['currency']);
    } finally {
      await opened.close();
    }
  });
});
