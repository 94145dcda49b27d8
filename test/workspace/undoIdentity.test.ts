import { expect, it } from 'vitest';
import { describeOnEveryAdapter } from './_adapters.js';
import { failure, LAUNCH } from './_setup.js';

const alice = { id: 'm-alice', roles: [{ role: 'manager' as const, campaignId: 'launch' }] };
const bob = { id: 'm-bob', roles: [{ role: 'manager' as const, campaignId: 'launch' }, { role: 'manager' as const, campaignId: 'relaunch' }] };

describeOnEveryAdapter('undo and re-created ids', (open) => {
  it('refuses to undo an edit onto a record deleted and created again under the same id', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace, close } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.campaigns.create({ ...LAUNCH, id: 'relaunch', name: 'Relaunch' });
      await workspace.tasks.create({ id: 'x', campaignId: 'launch', name: 'Original', duration: '1d' });
      await workspace.withActor(alice).tasks.update('x', { name: 'Alice’s name' });

      const asBob = workspace.withActor(bob);
      await asBob.tasks.delete('x');
      await asBob.tasks.create({ id: 'x', campaignId: 'relaunch', name: 'Bob’s task', duration: '2d' });
      await asBob.tasks.update('x', { name: 'Bob’s task, edited' });
      const bobsTask = await workspace.tasks.get('x');

      const error = await failure(workspace.withActor(alice).audit.undoLast());
      expect([error.code, error.details.ids, error.details.expectedVersion]).toEqual(['CONFLICT', ['x'], 2]);
      expect(await workspace.tasks.get('x')).toEqual(bobsTask);
      expect([bobsTask.campaignId, bobsTask.name]).toEqual(['relaunch', 'Bob’s task, edited']);
    } finally {
      await close();
    }
  });

  it('gives a re-created record a version after the deleted one, so a stale expectedVersion conflicts', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace, close } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.tasks.create({ id: 'x', campaignId: 'launch', name: 'Original', duration: '1d' });
      await workspace.tasks.update('x', { name: 'Second' });
      await workspace.tasks.delete('x');
      await workspace.tasks.create({ id: 'x', campaignId: 'launch', name: 'New', duration: '1d' });
      await workspace.tasks.update('x', { name: 'New, edited' });
      const error = await failure(workspace.tasks.update('x', { name: 'Stale client' }, { expectedVersion: 2 }));
      expect([error.code, error.details.expectedVersion, error.details.actualVersion]).toEqual(['CONFLICT', 2, 5]);
      expect((await workspace.tasks.get('x')).name).toBe('New, edited');
    } finally {
      await close();
    }
  });

  it('reports the version a deleted record gets back when its delete is undone', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace, close } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.tasks.create({ id: 'x', campaignId: 'launch', name: 'Original', duration: '1d' });
      await workspace.tasks.update('x', { name: 'Second' });
      await workspace.tasks.delete('x');
      const result = await workspace.audit.undoLast();
      // created 1, renamed 2, deleted 3, restored 4.
      expect(result.records.filter((r) => r.type === 'task')).toEqual([{ type: 'task', id: 'x', version: 4 }]);
      expect((await workspace.tasks.get('x')).name).toBe('Second');
      await workspace.audit.undoLast();
      expect((await workspace.tasks.get('x')).name).toBe('Original');
    } finally {
      await close();
    }
  });
});
