import type { OutboxEvent, StorageAdapter } from '../store/storageAdapter.js';
import { codeOf, rejection, START, type Harness } from './_harness.js';

/** The outbox: append, claim in order, leases, acknowledgements, two relays at once. */
export function registerOutboxTests({ api, test }: Harness): void {
  const { expect } = api;

  test('appends events as pending entries in order', async (storage) => {
    const appended = await storage.appendOutbox([event('e1'), event('e2')]);
    expect(appended.map(({ seq: _seq, ...rest }) => rest)).toEqual([
      { event: event('e1'), status: 'pending', attempts: 0, claimedBy: null, claimedUntil: null, createdAt: START },
      { event: event('e2'), status: 'pending', attempts: 0, claimedBy: null, claimedUntil: null, createdAt: START },
    ]);
    expect((appended[1]?.seq ?? 0) > (appended[0]?.seq ?? 0)).toBe(true);
    expect(await storage.appendOutbox([])).toEqual([]);
  });

  test('claims pending events oldest first, up to the limit, under a lease', async (storage) => {
    await appendEach(storage, ['e1', 'e2', 'e3', 'e4', 'e5']);
    const first = await storage.claimOutbox({ consumer: 'relay-1', limit: 2, leaseMs: 30_000 });
    expect(first.map(({ seq: _seq, ...rest }) => rest)).toEqual([
      { event: event('e1'), status: 'pending', attempts: 1, claimedBy: 'relay-1', claimedUntil: '2026-03-02T09:00:30.000Z', createdAt: START },
      { event: event('e2'), status: 'pending', attempts: 1, claimedBy: 'relay-1', claimedUntil: '2026-03-02T09:00:30.000Z', createdAt: START },
    ]);
    expect(await claimedIds(storage, 'relay-1', 2)).toEqual(['e3', 'e4']);
    expect(await claimedIds(storage, 'relay-1', 2)).toEqual(['e5']);
    expect(await claimedIds(storage, 'relay-1', 2)).toEqual([]);
  });

  test('does not hand a leased event to another relay until the lease expires', async (storage, clock) => {
    await appendEach(storage, ['e1']);
    await storage.claimOutbox({ consumer: 'relay-1', leaseMs: 1000 });
    expect(await claimedIds(storage, 'relay-2')).toEqual([]);
    clock.advance(999);
    expect(await claimedIds(storage, 'relay-2')).toEqual([]);
    clock.advance(1);
    const again = await storage.claimOutbox({ consumer: 'relay-2', leaseMs: 1000 });
    expect(again.map((entry) => [entry.event.id, entry.claimedBy, entry.attempts, entry.claimedUntil])).toEqual([
      ['e1', 'relay-2', 2, '2026-03-02T09:00:02.000Z'],
    ]);
  });

  test('never claims an acknowledged event again', async (storage, clock) => {
    await appendEach(storage, ['e1', 'e2', 'e3']);
    const claimed = await storage.claimOutbox({ consumer: 'relay-1', leaseMs: 1000 });
    expect(await storage.acknowledgeOutbox(claimed.slice(0, 2).map((entry) => entry.seq))).toBe(2);
    expect(await storage.acknowledgeOutbox(claimed.slice(0, 2).map((entry) => entry.seq))).toBe(0);
    expect(await storage.acknowledgeOutbox([])).toBe(0);
    clock.advance(5000);
    expect(await claimedIds(storage, 'relay-2')).toEqual(['e3']);
  });

  test('gives two relays claiming at the same time disjoint batches', async (storage) => {
    const ids = Array.from({ length: 10 }, (_, i) => `e${i}`);
    await appendEach(storage, ids);
    const [a, b] = await Promise.all([claimedIds(storage, 'relay-a', 5), claimedIds(storage, 'relay-b', 5)]);
    expect([...(a ?? []), ...(b ?? [])].sort()).toEqual([...ids].sort());
    expect(await claimedIds(storage, 'relay-c', 10)).toEqual([]);
  });

  test('refuses an event id that is already in the outbox, even within one batch', async (storage) => {
    await storage.appendOutbox([event('e1')]);
    expect(codeOf(await rejection(storage.appendOutbox([event('e2'), event('e1')])))).toBe('CONFLICT');
    expect(codeOf(await rejection(storage.appendOutbox([event('e3'), event('e3')])))).toBe('CONFLICT');
    expect(await claimedIds(storage, 'relay-1', 10)).toEqual(['e1']);
  });

  test('rejects malformed events and claim options with VALIDATION', async (storage) => {
    const attempts: Promise<unknown>[] = [
      storage.appendOutbox([{ type: '', id: 'e1' }]),
      storage.appendOutbox([{ type: 'task.updated', id: 'e1', when: Number.NaN }]),
      storage.claimOutbox({ consumer: '' }),
      storage.claimOutbox({ consumer: 'relay-1', leaseMs: 0 }),
      storage.acknowledgeOutbox([0]),
    ];
    for (const attempt of attempts) expect(codeOf(await rejection(attempt))).toBe('VALIDATION');
    expect(await claimedIds(storage, 'relay-1')).toEqual([]);
  });
}

function event(id: string): OutboxEvent {
  return { type: 'task.renamed', id, time: START, actor: 'm-li', aggregateId: 't1', version: 2, payload: { name: '新名字' } };
}

async function appendEach(storage: StorageAdapter, ids: readonly string[]): Promise<void> {
  for (const id of ids) await storage.appendOutbox([event(id)]);
}

async function claimedIds(storage: StorageAdapter, consumer: string, limit = 100): Promise<string[]> {
  return (await storage.claimOutbox({ consumer, limit })).map((entry) => entry.event.id);
}
