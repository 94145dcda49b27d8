import { describe, expect, it } from 'vitest';
import { actors, failure, LAUNCH, setup } from './_setup.js';

async function records(storage: ReturnType<typeof setup>['storage']) {
  const snapshot = storage.snapshot();
  return snapshot.records
    .filter((r) => r.type !== 'command')
    .map((r) => ({ type: r.type, id: r.id, data: r.data }))
    .sort((a, b) => `${a.type}/${a.id}`.localeCompare(`${b.type}/${b.id}`));
}

async function planned() {
  const context = setup();
  const { workspace } = context;
  await workspace.campaigns.create(LAUNCH);
  await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '2d' });
  await workspace.tasks.create({ id: 'design', campaignId: 'launch', name: 'Design', duration: '3d' });
  await workspace.dependencies.add({ id: 'brief-design', from: 'brief', to: 'design' });
  return context;
}

describe('undo', () => {
  it('puts every record a command changed back as it was, as a new audited command', async () => {
    const context = await planned();
    const { workspace, storage, events } = context;
    const before = await records(storage);
    await workspace.tasks.update('brief', { duration: '4d', name: 'Long brief' });
    expect((await workspace.tasks.get('design')).start).toBe('2026-03-06T08:00');

    const result = await workspace.audit.undoLast();
    expect(await records(storage)).toEqual(before);
    expect(result).toEqual({
      commandId: 'cmd-6',
      undoneCommandId: 'cmd-5',
      undoneCommand: 'task.update',
      // brief: created (1), updated (2), undone (3); design: created (1), linked (2), moved (3), back (4).
      records: [
        { type: 'task', id: 'brief', version: 3 },
        { type: 'task', id: 'design', version: 4 },
        { type: 'schedule', id: 'launch', version: 6 },
      ],
    });
    const [entry] = (await storage.readAudit({ order: 'desc', limit: 1 })).items;
    expect([entry?.id, entry?.command, entry?.aggregate.id, entry?.version]).toEqual(['cmd-6', 'undo', 'brief', 3]);
    expect(events.at(-1)).toMatchObject({ type: 'command.undone', aggregateId: 'brief', version: 3, undoneCommandId: 'cmd-5' });
  });

  it('goes one command further back each time and skips commands already undone', async () => {
    const { workspace } = await planned();
    await workspace.tasks.update('brief', { name: 'One' });
    await workspace.tasks.update('brief', { name: 'Two' });
    await workspace.audit.undoLast();
    expect((await workspace.tasks.get('brief')).name).toBe('One');
    await workspace.audit.undoLast();
    expect((await workspace.tasks.get('brief')).name).toBe('Brief');
  });

  it('undoes a create by deleting and a delete by restoring, links and dates included', async () => {
    const { workspace, storage } = await planned();
    const before = await records(storage);
    await workspace.tasks.delete('brief');
    expect((await workspace.tasks.get('design')).start).toBe('2026-03-02T08:00');
    await workspace.audit.undoLast();
    expect(await records(storage)).toEqual(before);
    await workspace.audit.undoLast(); // the dependency.add
    expect((await workspace.dependencies.list({ campaignId: 'launch' })).items).toEqual([]);
    expect((await workspace.tasks.get('design')).start).toBe('2026-03-02T08:00');
  });

  it('brings back a deleted campaign with everything that was stored under it', async () => {
    const { workspace, storage } = await planned();
    await workspace.budgets.createLine({ id: 'venue', campaignId: 'launch', category: 'venue', planned: 100_000_00, currency: 'CNY' });
    const before = await records(storage);
    await workspace.campaigns.delete('launch');
    expect((await records(storage)).filter((r) => r.type !== 'member').map((r) => r.type)).toEqual([]);
    await workspace.audit.undoLast();
    expect(await records(storage)).toEqual(before);
  });

  it('fails with CONFLICT and changes nothing when a record has moved on since', async () => {
    const { workspace, storage } = await planned();
    await workspace.tasks.update('brief', { name: 'Mine' });
    await workspace.withActor(actors.manager).tasks.update('brief', { priority: 'high' });
    const before = JSON.stringify(storage.snapshot());
    const error = await failure(workspace.audit.undoLast());
    expect([error.code, error.details.ids, error.details.expectedVersion, error.details.actualVersion]).toEqual(['CONFLICT', ['brief'], 2, 3]);
    expect(JSON.stringify(storage.snapshot())).toBe(before);
  });

  it('undoes only the actor’s own commands and checks their permission again', async () => {
    const { workspace } = await planned();
    const viewer = workspace.withActor(actors.viewer);
    expect((await failure(viewer.audit.undoLast())).code).toBe('NOT_FOUND');
    const member = workspace.withActor({ id: 'm-wang', roles: [{ role: 'member', campaignId: 'launch' }] });
    await member.tasks.update('brief', { name: 'Mine' });
    const demoted = workspace.withActor({ id: 'm-wang', roles: [{ role: 'viewer', campaignId: 'launch' }] });
    const error = await failure(demoted.audit.undoLast());
    expect([error.code, error.details.permission]).toEqual(['FORBIDDEN', 'task.update']);
  });
});
