import type { Harness } from './_harness.js';
import { runConcurrentWriters } from './runConcurrentWriters.js';

/** Concurrent writers: no lost update, gap-free versions, one audit entry and event per command. */
export function registerConcurrencyTests({ api, test, options }: Harness): void {
  const { expect } = api;
  const workers = options.concurrency?.workers ?? 4;
  const commandsPerWorker = options.concurrency?.commandsPerWorker ?? 25;

  test(`loses no update when ${workers} writers retry on CONFLICT`, async (storage, clock) => {
    const report = await runConcurrentWriters({
      storages: Array.from({ length: workers }, () => storage),
      commandsPerWorker,
      aggregates: 2,
      runId: 'run',
      clock,
    });
    const total = workers * commandsPerWorker;
    expect(report.counters.reduce((sum, counter) => sum + counter.count, 0)).toBe(total);
    for (const counter of report.counters) {
      expect(counter.version).toBe(counter.count + 1);
      expect(counter.auditVersions).toEqual(Array.from({ length: counter.count }, (_, i) => i + 2));
    }
    expect([report.auditEntries, report.distinctCommands]).toEqual([total, total]);

    const events = new Set<string>();
    for (;;) {
      const batch = await storage.claimOutbox({ consumer: 'relay', limit: 1000 });
      if (batch.length === 0) break;
      for (const entry of batch) events.add(entry.event.id);
    }
    expect(events.size).toBe(total);
  });

  test('serializes two transactions on the same document so the second sees the first', async (storage) => {
    await storage.put({ type: 'counter', id: 'c', data: { count: 0 } }, { expectedVersion: 0 });
    const bump = () =>
      storage.transaction(async (tx) => {
        const current = await tx.get('counter', 'c');
        const count = (current?.data as { count: number }).count;
        await tx.put({ type: 'counter', id: 'c', data: { count: count + 1 } }, { expectedVersion: current?.version ?? 0 });
      });
    const outcomes = await Promise.allSettled([bump(), bump()]);
    const committed = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    const record = await storage.get('counter', 'c');
    // Either both committed one after the other, or the loser got CONFLICT; never a lost update.
    expect([record?.version, (record?.data as { count: number }).count]).toEqual([1 + committed, committed]);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect((outcome.reason as { code?: unknown }).code).toBe('CONFLICT');
    }
  });

  test('lets exactly one of several concurrent creators re-create a deleted document', async (storage) => {
    await storage.put({ type: 'counter', id: 'c', data: { by: 'first' } }, { expectedVersion: 0 });
    await storage.delete('counter', 'c', { expectedVersion: 1 });
    const create = (by: string) =>
      storage.transaction((tx) => tx.put({ type: 'counter', id: 'c', data: { by } }, { expectedVersion: 0 }));
    const outcomes = await Promise.allSettled(['a', 'b', 'c', 'd'].map(create));
    const winners = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect(winners.map((record) => record.version)).toEqual([3]);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect((outcome.reason as { code?: unknown }).code).toBe('CONFLICT');
    }
    const stored = await storage.get('counter', 'c');
    expect([stored?.version, stored?.data]).toEqual([3, winners[0]?.data]);
  });
}
