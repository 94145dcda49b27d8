import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { isCampaignKitError } from '../../src/core/errors.js';
import { createMemoryStorage } from '../../src/store/memoryStorage.js';

const clock = fixedClock('2026-03-02T09:00:00Z');

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('createMemoryStorage snapshots', () => {
  async function populated() {
    const storage = createMemoryStorage({ clock });
    await storage.transaction(async (tx) => {
      await tx.put({ type: 'task', id: 't1', campaignId: 'launch', data: { name: 'Brief', tags: ['a'] } }, { expectedVersion: 0 });
      await tx.put({ type: 'member', id: 'm-li', data: { name: '李' } }, { expectedVersion: 0 });
      await tx.appendAudit({
        id: 'cmd-1',
        at: '2026-03-02T09:00:00.000Z',
        actor: 'm-li',
        command: 'task.create',
        aggregate: { type: 'task', id: 't1', campaignId: 'launch' },
        version: 1,
        patches: [{ op: 'replace', path: [], value: { name: 'Brief', tags: ['a'] } }],
        inversePatches: [{ op: 'replace', path: [], value: null }],
      });
      await tx.appendOutbox([{ type: 'task.created', id: 'evt-1' }, { type: 'task.created', id: 'evt-2' }]);
    });
    const [first] = await storage.claimOutbox({ consumer: 'relay', leaseMs: 60_000 });
    await storage.acknowledgeOutbox([first?.seq ?? 0]);
    return storage;
  }

  it('exports documents, audit, outbox and counters as plain JSON', async () => {
    const snapshot = (await populated()).snapshot();
    expect(snapshot).toEqual({
      format: 'campaignkit.memory',
      version: 2,
      nextAuditSeq: 2,
      nextOutboxSeq: 3,
      records: [
        { type: 'task', id: 't1', campaignId: 'launch', version: 1, data: { name: 'Brief', tags: ['a'] }, updatedAt: '2026-03-02T09:00:00.000Z' },
        { type: 'member', id: 'm-li', campaignId: null, version: 1, data: { name: '李' }, updatedAt: '2026-03-02T09:00:00.000Z' },
      ],
      deleted: [],
      audit: [
        {
          seq: 1,
          id: 'cmd-1',
          commandId: 'cmd-1',
          at: '2026-03-02T09:00:00.000Z',
          actor: 'm-li',
          command: 'task.create',
          aggregate: { type: 'task', id: 't1', campaignId: 'launch' },
          version: 1,
          patches: [{ op: 'replace', path: [], value: { name: 'Brief', tags: ['a'] } }],
          inversePatches: [{ op: 'replace', path: [], value: null }],
        },
      ],
      outbox: [
        {
          seq: 1,
          event: { type: 'task.created', id: 'evt-1' },
          status: 'sent',
          attempts: 1,
          claimedBy: 'relay',
          claimedUntil: '2026-03-02T09:01:00.000Z',
          createdAt: '2026-03-02T09:00:00.000Z',
          sentAt: '2026-03-02T09:00:00.000Z',
        },
        {
          seq: 2,
          event: { type: 'task.created', id: 'evt-2' },
          status: 'pending',
          attempts: 1,
          claimedBy: 'relay',
          claimedUntil: '2026-03-02T09:01:00.000Z',
          createdAt: '2026-03-02T09:00:00.000Z',
          sentAt: null,
        },
      ],
    });
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('restores a snapshot losslessly and carries on from its counters', async () => {
    const snapshot = (await populated()).snapshot();
    const restored = createMemoryStorage({ clock, snapshot: JSON.parse(JSON.stringify(snapshot)) });
    expect(restored.snapshot()).toEqual(snapshot);
    expect((await restored.appendOutbox([{ type: 'task.updated', id: 'evt-3' }]))[0]?.seq).toBe(3);
    expect(codeOf(await failure(restored.appendOutbox([{ type: 'task.updated', id: 'evt-1' }])))).toBe('CONFLICT');
    expect(codeOf(await failure(restored.put({ type: 'task', id: 't1', data: {} }, { expectedVersion: 0 })))).toBe('CONFLICT');
  });

  it('keeps the versions of deleted documents across a snapshot, so a re-created id continues them', async () => {
    const storage = await populated();
    await storage.delete('task', 't1', { expectedVersion: 1 });
    const snapshot = storage.snapshot();
    expect([snapshot.records.map((r) => r.id), snapshot.deleted]).toEqual([['m-li'], [{ type: 'task', id: 't1', version: 2 }]]);
    const restored = createMemoryStorage({ clock, snapshot: JSON.parse(JSON.stringify(snapshot)) });
    expect(await restored.get('task', 't1')).toBe(null);
    expect((await restored.put({ type: 'task', id: 't1', data: {} }, { expectedVersion: 0 })).version).toBe(3);
  });

  it('reads a version 1 snapshot, which has no deleted documents', async () => {
    const { deleted: _deleted, ...rest } = (await populated()).snapshot();
    const restored = createMemoryStorage({ clock, snapshot: { ...rest, version: 1 } });
    expect((await restored.get('task', 't1'))?.version).toBe(1);
    expect(restored.snapshot().deleted).toEqual([]);
  });

  it('refuses a malformed or inconsistent snapshot with VALIDATION', async () => {
    const snapshot = (await populated()).snapshot();
    const broken = [
      { ...snapshot, format: 'other' },
      { ...snapshot, records: [...snapshot.records, snapshot.records[0]] },
      { ...snapshot, nextAuditSeq: 1 },
      { ...snapshot, outbox: [...snapshot.outbox, snapshot.outbox[0]] },
      // A document cannot be both stored and deleted.
      { ...snapshot, deleted: [{ type: 'task', id: 't1', version: 2 }] },
      // Two audit entries at one seq: paging by seq would skip one of them.
      { ...snapshot, audit: [...snapshot.audit, { ...snapshot.audit[0], id: 'another-entry' }] },
    ];
    for (const input of broken) {
      expect(() => createMemoryStorage({ snapshot: input as typeof snapshot })).toThrow(/Invalid memory snapshot/);
    }
  });
});

describe('createMemoryStorage transactions', () => {
  it('runs concurrent transactions one at a time', async () => {
    const storage = createMemoryStorage({ clock });
    const log: string[] = [];
    const step = (name: string) =>
      storage.transaction(async () => {
        log.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(`${name} end`);
      });
    await Promise.all([step('a'), step('b')]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('keeps running transactions after one fails', async () => {
    const storage = createMemoryStorage({ clock });
    await failure(storage.transaction(() => Promise.reject(new Error('first fails'))));
    expect(await storage.transaction(async () => 'second runs')).toBe('second runs');
  });

  it('fails the commit instead of losing an update made outside the transaction meanwhile', async () => {
    const storage = createMemoryStorage({ clock });
    await storage.put({ type: 'task', id: 't1', data: { by: 'seed' } }, { expectedVersion: 0 });
    const error = await failure(
      storage.transaction(async (tx) => {
        await tx.put({ type: 'task', id: 't1', data: { by: 'transaction' } }, { expectedVersion: 1 });
        await storage.put({ type: 'task', id: 't1', data: { by: 'outside' } }, { expectedVersion: 1 });
      }),
    );
    expect(codeOf(error)).toBe('CONFLICT');
    expect(await storage.get('task', 't1')).toMatchObject({ version: 2, data: { by: 'outside' } });
  });

  it('hides staged writes from readers outside the transaction until it commits', async () => {
    const storage = createMemoryStorage({ clock });
    await storage.transaction(async (tx) => {
      await tx.put({ type: 'task', id: 't1', data: {} }, { expectedVersion: 0 });
      expect(await storage.get('task', 't1')).toBe(null);
      expect((await storage.list({ type: 'task' })).items).toEqual([]);
    });
    expect((await storage.get('task', 't1'))?.version).toBe(1);
  });
});

function codeOf(error: unknown): unknown {
  return isCampaignKitError(error) ? error.code : error;
}
