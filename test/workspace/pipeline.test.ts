import { describe, expect, it } from 'vitest';
import { fixedClock, sequentialIds } from '../../src/core/clock.js';
import type { WorkspaceEvent } from '../../src/events/workspaceEvents.js';
import { createMemoryStorage } from '../../src/store/memoryStorage.js';
import { createWorkspace } from '../../src/workspace/createWorkspace.js';
import { failure, LAUNCH, NOW, setup, seedDirectory } from './_setup.js';

describe('the command pipeline', () => {
  it('stores one audit entry per command whose patch paths start with the record type and id', async () => {
    const { workspace, storage } = setup();
    await workspace.campaigns.create(LAUNCH);
    await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '2d' });
    await workspace.tasks.update('brief', { name: 'Creative brief' });

    const trail = (await storage.readAudit()).items;
    expect(trail.map((e) => [e.id, e.command, e.aggregate, e.version, e.actor, e.at])).toEqual([
      ['cmd-1', 'campaign.create', { type: 'campaign', id: 'launch', campaignId: 'launch' }, 1, 'm-root', NOW],
      ['cmd-2', 'task.create', { type: 'task', id: 'brief', campaignId: 'launch' }, 1, 'm-root', NOW],
      ['cmd-3', 'task.update', { type: 'task', id: 'brief', campaignId: 'launch' }, 2, 'm-root', NOW],
    ]);
    expect(trail[2]?.patches).toEqual([{ op: 'replace', path: ['task', 'brief', 'name'], value: 'Creative brief' }]);
    expect(trail[2]?.inversePatches).toEqual([{ op: 'replace', path: ['task', 'brief', 'name'], value: 'Brief' }]);
    for (const entry of trail) for (const patch of [...entry.patches, ...entry.inversePatches]) expect(patch.path.length).toBeGreaterThanOrEqual(2);
  });

  it('writes the outbox events in the command transaction with id, time, actor, aggregate id and version', async () => {
    const { workspace, storage } = setup();
    await workspace.campaigns.create(LAUNCH);
    await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '2d' });
    const claimed = await storage.claimOutbox({ consumer: 'test', limit: 10 });
    expect(claimed.map((e) => e.event)).toEqual([
      expect.objectContaining({ id: 'evt-1', type: 'campaign.created', time: NOW, actor: 'm-root', commandId: 'cmd-1', aggregateId: 'launch', version: 1, campaignId: 'launch' }),
      expect.objectContaining({ id: 'evt-2', type: 'task.created', time: NOW, actor: 'm-root', commandId: 'cmd-2', aggregateId: 'brief', version: 1, campaignId: 'launch' }),
    ]);
  });

  it('hands events to listeners only after the change is committed', async () => {
    const { workspace, storage } = setup();
    await workspace.campaigns.create(LAUNCH);
    const seen: (number | undefined)[] = [];
    workspace.on('task.created', (event) => {
      // The listener runs after the commit, so storage already holds the new task.
      void storage.get('task', event.aggregateId).then((record) => seen.push(record?.version));
    });
    await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief' });
    await Promise.resolve();
    expect(seen).toEqual([1]);
  });

  it('announces nothing and stores nothing when a command fails', async () => {
    const { workspace, storage, events } = setup();
    await workspace.campaigns.create(LAUNCH);
    const before = JSON.stringify(storage.snapshot());
    const count = events.length;
    expect((await failure(workspace.tasks.update('missing', { name: 'x' }))).code).toBe('NOT_FOUND');
    expect((await failure(workspace.tasks.create({ id: 'brief', campaignId: 'nowhere', name: 'Brief' }))).code).toBe('NOT_FOUND');
    expect(JSON.stringify(storage.snapshot())).toBe(before);
    expect(events.length).toBe(count);
  });

  it('keeps going when a listener throws or rejects: the others run and the error goes to onListenerError', async () => {
    const reported: [string, string][] = [];
    const storage = createMemoryStorage({ clock: fixedClock(NOW) });
    await seedDirectory(storage);
    const workspace = createWorkspace({
      storage,
      clock: fixedClock(NOW),
      ids: sequentialIds(),
      onListenerError: (error, event) => reported.push([(error as Error).message, event.type]),
    });
    const received: string[] = [];
    workspace.on('campaign.created', () => {
      throw new Error('broken listener');
    });
    workspace.on('campaign.created', async () => {
      await Promise.resolve();
      throw new Error('broken async listener');
    });
    workspace.on('*', (event) => {
      received.push(event.type);
    });
    const campaign = await workspace.campaigns.create(LAUNCH);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(campaign.id).toBe('launch');
    expect(received).toEqual(['campaign.created']);
    expect(reported).toEqual([
      ['broken listener', 'campaign.created'],
      ['broken async listener', 'campaign.created'],
    ]);
    expect((await storage.get('campaign', 'launch'))?.version).toBe(1);
  });

  it('removes listeners with off, with the returned function, and after once', async () => {
    const { workspace } = setup();
    const calls: string[] = [];
    const listener = (event: WorkspaceEvent) => {
      calls.push(`on:${event.type}`);
    };
    workspace.on('*', listener);
    const stop = workspace.on('task.created', () => {
      calls.push('stop');
    });
    workspace.once('task.created', () => {
      calls.push('once');
    });
    await workspace.campaigns.create(LAUNCH);
    await workspace.tasks.create({ id: 'a', campaignId: 'launch', name: 'A' });
    workspace.off('*', listener);
    stop();
    await workspace.tasks.create({ id: 'b', campaignId: 'launch', name: 'B' });
    expect(calls).toEqual(['on:campaign.created', 'stop', 'once', 'on:task.created']);
  });

  it('writes nothing, audits nothing and announces nothing for a change that changes nothing', async () => {
    const { workspace, storage, events } = setup();
    await workspace.campaigns.create(LAUNCH);
    await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief' });
    const before = JSON.stringify(storage.snapshot());
    const count = events.length;
    await workspace.tasks.update('brief', { name: 'Brief' });
    expect(JSON.stringify(storage.snapshot())).toBe(before);
    expect(events.length).toBe(count);
  });

  it('refuses a change made on a version that has moved on, naming both versions', async () => {
    const { workspace } = setup();
    await workspace.campaigns.create(LAUNCH);
    await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief' });
    const { version } = await workspace.tasks.getVersioned('brief');
    await workspace.tasks.update('brief', { priority: 'high' }, { expectedVersion: version });
    const error = await failure(workspace.tasks.update('brief', { priority: 'low' }, { expectedVersion: version }));
    expect([error.code, error.details.expectedVersion, error.details.actualVersion]).toEqual(['CONFLICT', 1, 2]);
    expect((await workspace.tasks.get('brief')).priority).toBe('high');
  });

  it('says which command to use for the fields it derives', async () => {
    const { workspace } = setup();
    await workspace.campaigns.create(LAUNCH);
    await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief' });
    const status = await failure(workspace.tasks.update('brief', { status: 'done' } as never));
    expect(status.message).toBe(
      'Invalid task changes: status: a status changes only through tasks.transition, which checks the workflow and its guards',
    );
    const start = await failure(workspace.tasks.create({ id: 'x', campaignId: 'launch', name: 'X', start: '2026-03-02' } as never));
    expect(start.details.issues?.[0]?.path).toEqual(['start']);
  });

  it('lists with filters and pages that carry on where the last one stopped', async () => {
    const { workspace } = setup();
    await workspace.campaigns.create(LAUNCH);
    for (const id of ['t1', 't2', 't3', 't4', 't5']) {
      await workspace.tasks.create({ id, campaignId: 'launch', name: id, priority: id === 't2' || id === 't5' ? 'high' : 'low', ...(id === 't4' ? { assigneeIds: ['m-sun'] } : {}) });
    }
    const first = await workspace.tasks.list({ campaignId: 'launch', limit: 2 });
    expect([first.items.map((t) => t.id), first.nextCursor]).toEqual([['t1', 't2'], 't2']);
    const second = await workspace.tasks.list({ campaignId: 'launch', limit: 2, cursor: first.nextCursor ?? undefined });
    expect([second.items.map((t) => t.id), second.nextCursor]).toEqual([['t3', 't4'], 't4']);
    const third = await workspace.tasks.list({ campaignId: 'launch', limit: 2, cursor: second.nextCursor ?? undefined });
    expect([third.items.map((t) => t.id), third.nextCursor]).toEqual([['t5'], null]);
    expect((await workspace.tasks.list({ campaignId: 'launch', memberId: 'm-sun' })).items.map((t) => t.id)).toEqual(['t4']);
  });
});
