import { expect, it } from 'vitest';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure, LAUNCH } from './_setup.js';

// Deliverables through the workspace: versions, events, audit, undo and who may attach, on every adapter.

const KV = { id: 'kv', campaignId: 'launch', taskId: 'visuals', name: 'kv.png', ref: 's3://assets/kv-v1.png', contentType: 'image/png', size: 482113, checksum: 'sha256:9f86d081884c7d65' };

describeOnEveryAdapter('attachments', (open) => {
  async function withTasks() {
    const opened = await open();
    if (opened === null) return null;
    await opened.workspace.campaigns.create(LAUNCH);
    await opened.workspace.tasks.create({ id: 'visuals', campaignId: 'launch', name: 'Visuals', assigneeIds: ['m-ad'] });
    await opened.workspace.tasks.create({ id: 'copy', campaignId: 'launch', name: 'Copy', assigneeIds: ['m-wang'] });
    return opened;
  }

  it('keeps every version of a deliverable, announces each and lists the latest', async () => {
    const opened = await withTasks();
    if (opened === null) return;
    const { workspace, events } = opened;
    try {
      const agency = workspace.withActor(actors.agency);
      const first = await agency.attachments.add(KV);
      expect([first.version, first.uploadedBy, first.checksum]).toEqual([1, 'm-ad', 'sha256:9f86d081884c7d65']);
      const second = await workspace.withActor(actors.member).attachments.add({ ...KV, ref: 's3://assets/kv-v2.png', size: 501220 });
      expect([second.version, second.uploadedBy]).toEqual([2, 'm-wang']);
      await workspace.attachments.add({ id: 'brief-pdf', campaignId: 'launch', name: 'brief.pdf', ref: 's3://assets/brief.pdf' });

      expect((await workspace.attachments.versions('kv')).map((a) => [a.version, a.ref])).toEqual([
        [1, 's3://assets/kv-v1.png'],
        [2, 's3://assets/kv-v2.png'],
      ]);
      expect((await workspace.attachments.latest({ campaignId: 'launch' })).map((a) => [a.id, a.version])).toEqual([
        ['brief-pdf', 1],
        ['kv', 2],
      ]);
      expect((await workspace.attachments.list({ campaignId: 'launch', taskId: 'visuals' })).map((a) => [a.id, a.version])).toEqual([
        ['kv', 1],
        ['kv', 2],
      ]);
      expect(events.filter((e) => e.type === 'attachment.added').map((e) => (e.type === 'attachment.added' ? [e.attachmentId, e.version, e.by] : []))).toEqual([
        ['kv', 1, 'm-ad'],
        ['kv', 2, 'm-wang'],
        ['brief-pdf', 1, 'm-root'],
      ]);
      const audit = await workspace.audit.list({ aggregate: { type: 'attachment', id: 'kv' } });
      expect(audit.items.map((e) => [e.command, e.actor, e.version])).toEqual([
        ['attachment.add', 'm-ad', 1],
        ['attachment.add', 'm-wang', 2],
      ]);

      // Removing announces every file, so the host can delete them; undo brings the references back.
      await workspace.attachments.remove('kv');
      expect(events.at(-1)).toMatchObject({ type: 'attachment.removed', attachmentId: 'kv', taskId: 'visuals', refs: ['s3://assets/kv-v1.png', 's3://assets/kv-v2.png'] });
      expect((await failure(workspace.attachments.versions('kv'))).code).toBe('NOT_FOUND');
      await workspace.audit.undoLast();
      expect((await workspace.attachments.versions('kv')).map((a) => a.version)).toEqual([1, 2]);
    } finally {
      await opened.close();
    }
  });

  it('lets an agency attach only to its own tasks, and members remove only what they uploaded', async () => {
    const opened = await withTasks();
    if (opened === null) return;
    const { workspace } = opened;
    try {
      const agency = workspace.withActor(actors.agency);
      expect((await failure(agency.attachments.add({ ...KV, id: 'copy-doc', taskId: 'copy' }))).code).toBe('FORBIDDEN');
      expect((await failure(agency.attachments.add({ ...KV, id: 'loose', taskId: undefined }))).code).toBe('FORBIDDEN');
      expect((await failure(workspace.attachments.add({ ...KV, taskId: 'nowhere' }))).code).toBe('VALIDATION');
      expect((await failure(workspace.attachments.add({ ...KV, checksum: 'md5' }))).code).toBe('VALIDATION');
      await agency.attachments.add(KV);
      // A new version keeps its task.
      expect((await failure(workspace.attachments.add({ ...KV, taskId: 'copy' }))).code).toBe('CONFLICT');
      const member = workspace.withActor(actors.member);
      expect((await failure(member.attachments.remove('kv'))).code).toBe('FORBIDDEN');
      await member.attachments.add({ ...KV, id: 'copy-doc', taskId: 'copy' });
      await member.attachments.remove('copy-doc');
      expect((await workspace.attachments.latest({ campaignId: 'launch' })).map((a) => a.id)).toEqual(['kv']);
      // Someone with no role on the campaign learns nothing.
      expect((await failure(workspace.withActor({ id: 'm-bob', roles: [] }).attachments.latest({ campaignId: 'launch' }))).code).toBe('NOT_FOUND');
    } finally {
      await opened.close();
    }
  });
});
