import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { createMemoryStorage } from '../../src/store/memoryStorage.js';
import type { StorageAdapter, StorageTransaction } from '../../src/store/storageAdapter.js';
import { createWorkspace } from '../../src/workspace/createWorkspace.js';
import { mariadb, postgres, runPrefix, type Server } from './_databases.js';
import { failure, LAUNCH, NOW, prefixedIds, seedDirectory } from './_setup.js';

type Step = 'appendAudit' | 'appendOutbox';

/** A storage whose transactions fail at `step` while `armed` says so, as a crash between the write and its appends. */
function crashing(inner: StorageAdapter, armed: { step: Step | null }): StorageAdapter {
  const wrap = (tx: StorageTransaction): StorageTransaction => ({
    ...tx,
    get: (type, id) => tx.get(type, id),
    getMany: (type, ids) => tx.getMany(type, ids),
    list: (query) => tx.list(query),
    readAudit: (query) => tx.readAudit(query),
    put: (record, options) => tx.put(record, options),
    delete: (type, id, options) => tx.delete(type, id, options),
    appendAudit: (entry) => (armed.step === 'appendAudit' ? Promise.reject(new Error('crash before the audit append')) : tx.appendAudit(entry)),
    appendOutbox: (events) => (armed.step === 'appendOutbox' ? Promise.reject(new Error('crash before the outbox append')) : tx.appendOutbox(events)),
    transaction: (fn) => tx.transaction((inner) => fn(wrap(inner))),
  });
  return { ...inner, transaction: (fn) => inner.transaction((tx) => fn(wrap(tx))) };
}

async function crashTest(storage: StorageAdapter, label: string): Promise<void> {
  const armed: { step: Step | null } = { step: null };
  await seedDirectory(storage);
  const workspace = createWorkspace({ storage: crashing(storage, armed), clock: fixedClock(NOW), ids: prefixedIds(label) });
  await workspace.campaigns.create({ ...LAUNCH, id: `${label}-launch` });
  await workspace.tasks.create({ id: `${label}-brief`, campaignId: `${label}-launch`, name: 'Brief', duration: '2d' });
  await workspace.tasks.create({ id: `${label}-design`, campaignId: `${label}-launch`, name: 'Design', duration: '3d' });
  await workspace.dependencies.add({ id: `${label}-link`, from: `${label}-brief`, to: `${label}-design` });
  const audit = (await storage.readAudit({ campaignId: `${label}-launch`, limit: 1000 })).items.length;
  const pending = async () => {
    // Leases of 1 ms on the storage's own (system) clock: each count sees every pending entry again.
    await new Promise((resolve) => setTimeout(resolve, 5));
    return (await storage.claimOutbox({ consumer: `${label}-check`, limit: 1000, leaseMs: 1 })).filter((e) => e.event['campaignId'] === `${label}-launch`).length;
  };
  const events = await pending();
  const records = async () => Promise.all([`${label}-brief`, `${label}-design`].map(async (id) => {
    const record = await storage.get('task', id);
    return [record?.version, (record?.data as { duration?: string; start?: string } | undefined)?.duration, (record?.data as { start?: string } | undefined)?.start];
  }));
  const before = await records();

  for (const step of ['appendAudit', 'appendOutbox'] as const) {
    armed.step = step;
    const error = await failure(workspace.tasks.update(`${label}-brief`, { duration: '4d' })).catch((e: unknown) => e);
    expect(String((error as Error).message)).toBe(step === 'appendAudit' ? 'crash before the audit append' : 'crash before the outbox append');
    armed.step = null;
    expect(await records()).toEqual(before);
    expect((await storage.readAudit({ campaignId: `${label}-launch`, limit: 1000 })).items.length).toBe(audit);
    expect(await pending()).toBe(events);
  }
  // The same command goes through once nothing fails, and the cache left no trace of the failures.
  await workspace.tasks.update(`${label}-brief`, { duration: '4d' });
  expect((await storage.get('task', `${label}-design`))?.data).toMatchObject({ start: '2026-03-06T08:00' });
}

describe('a failure between the write and the audit and outbox appends', () => {
  it('leaves neither the write nor an audit entry nor an event in memory', async () => {
    await crashTest(createMemoryStorage(), 'mem');
  });

  for (const database of [postgres, mariadb]) {
    const prefix = runPrefix('crash');
    let server: Server | null = null;
    afterAll(async () => {
      await server?.end();
      await database.drop(prefix);
    });
    it(`rolls everything back on ${database.name}`, async (context) => {
      server = await database.server(prefix);
      if (server === null) {
        context.skip();
        return;
      }
      await server.storage.migrate();
      await crashTest(server.storage, database.name === 'PostgreSQL' ? 'pg' : 'my');
    }, 60_000);
  }
});
