import { expect, it } from 'vitest';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure, LAUNCH } from './_setup.js';

// A member who leaves: reported hand-over, no more commands, history kept, on every adapter.

describeOnEveryAdapter('deactivating members', (open) => {
  it('reports what waits for the member, stops them acting and naming them, and keeps their history', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', ownerId: 'm-wang' });
      await workspace.tasks.create({ id: 'copy', campaignId: 'launch', name: 'Copy', assigneeIds: ['m-wang', 'm-sun'] });
      await workspace.tasks.create({ id: 'print', campaignId: 'launch', name: 'Print', ownerId: 'm-sun' });
      await workspace.approvals.create({ id: 'copy-ok', campaignId: 'launch', subject: { type: 'task', id: 'copy' }, stages: [{ name: 'Review', approvers: ['m-wang'] }] });
      await workspace.approvals.submit('copy-ok');
      const member = workspace.withActor(actors.member);
      await member.comments.add({ id: 'c1', campaignId: 'launch', body: 'Draft is up' });

      const handOver = await workspace.members.deactivate('m-wang');
      expect([handOver.member.deactivatedAt, handOver.member.deactivatedBy, handOver.openTaskIds, handOver.pendingApprovalIds]).toEqual([
        '2026-03-02T09:00:00.000Z',
        'm-root',
        ['brief', 'copy'],
        ['copy-ok'],
      ]);
      const refused = await failure(member.comments.add({ campaignId: 'launch', body: 'still here?' }));
      expect([refused.code, refused.message]).toEqual(['FORBIDDEN', 'm-wang was deactivated at 2026-03-02T09:00:00.000Z and can no longer act']);
      const named = await failure(workspace.tasks.update('print', { assigneeIds: ['m-wang'] }));
      expect([named.code, named.details.issues?.[0]?.path]).toEqual(['VALIDATION', ['assigneeIds', 0]]);
      // Their records stay; a task they own can still be handed over.
      expect((await workspace.comments.get('c1')).authorId).toBe('m-wang');
      expect((await workspace.tasks.update('brief', { ownerId: 'm-sun' })).ownerId).toBe('m-sun');
      expect((await failure(workspace.members.update('m-wang', { deactivatedAt: null } as never))).code).toBe('VALIDATION');

      await workspace.members.reactivate('m-wang');
      expect((await member.comments.add({ campaignId: 'launch', body: 'back' })).authorId).toBe('m-wang');
    } finally {
      await opened.close();
    }
  });
});
