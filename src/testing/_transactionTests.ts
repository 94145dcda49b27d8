import type { AuditInput, StorageAdapter, StorageTransaction } from '../store/storageAdapter.js';
import { codeOf, rejection, START, type Harness } from './_harness.js';

/** Transactions: commit, rollback of documents, audit and outbox together, nesting. */
export function registerTransactionTests({ api, test }: Harness): void {
  const { expect } = api;

  test('commits the write, its audit entry and its events together and returns the result', async (storage) => {
    await seed(storage);
    const result = await storage.transaction(async (tx) => {
      await command(tx, 'cmd-1', 2);
      return 'done';
    });
    expect(result).toBe('done');
    expect((await storage.get('task', 't1'))?.version).toBe(2);
    expect((await storage.readAudit()).items.map((entry) => entry.id)).toEqual(['cmd-1']);
    expect((await storage.claimOutbox({ consumer: 'relay' })).map((entry) => entry.event.id)).toEqual(['evt-cmd-1']);
  });

  test('rolls back documents, audit and outbox when the callback throws, and rethrows the error', async (storage) => {
    await seed(storage);
    await storage.put({ type: 'task', id: 't-old', data: { keep: true } }, { expectedVersion: 0 });
    const crash = new Error('crash');
    const error = await rejection(
      storage.transaction(async (tx) => {
        await command(tx, 'cmd-1', 2);
        await tx.put({ type: 'task', id: 't-new', data: {} }, { expectedVersion: 0 });
        await tx.delete('task', 't-old', { expectedVersion: 1 });
        throw crash;
      }),
    );
    expect(error).toBe(crash);
    await expectUntouched(storage);
    expect((await storage.get('task', 't-old'))?.data).toEqual({ keep: true });
    expect(await storage.get('task', 't-new')).toBe(null);
  });

  test('leaves neither audit nor outbox when a failure strikes between the write and the appends', async (storage) => {
    await seed(storage);
    await rejection(
      storage.transaction(async (tx) => {
        await tx.put({ type: 'task', id: 't1', data: { name: 'changed' } }, { expectedVersion: 1 });
        throw new Error('process died after the write');
      }),
    );
    await expectUntouched(storage);
  });

  test('rolls back the write when the audit append itself fails', async (storage) => {
    await seed(storage);
    await storage.appendAudit(audit('cmd-taken', 1));
    const error = await rejection(storage.transaction((tx) => command(tx, 'cmd-taken', 2)));
    expect(codeOf(error)).toBe('CONFLICT');
    expect((await storage.get('task', 't1'))?.version).toBe(1);
    expect((await storage.readAudit()).items.length).toBe(1);
    expect(await storage.claimOutbox({ consumer: 'relay' })).toEqual([]);
  });

  test('sees its own writes, audit entries and deletes before it commits', async (storage) => {
    await seed(storage);
    await storage.transaction(async (tx) => {
      await command(tx, 'cmd-1', 2);
      await tx.put({ type: 'task', id: 't2', campaignId: 'launch', data: {} }, { expectedVersion: 0 });
      expect((await tx.get('task', 't1'))?.version).toBe(2);
      expect((await tx.list({ type: 'task', campaignId: 'launch' })).items.map((record) => record.id)).toEqual(['t1', 't2']);
      expect((await tx.getMany('task', ['t2', 't1'])).map((record) => record?.version)).toEqual([1, 2]);
      expect((await tx.readAudit({ aggregate: { type: 'task', id: 't1' } })).items.map((entry) => entry.id)).toEqual(['cmd-1']);
      await tx.delete('task', 't2', { expectedVersion: 1 });
      expect(await tx.get('task', 't2')).toBe(null);
    });
    expect(await storage.get('task', 't2')).toBe(null);
  });

  test('deletes and re-creates a document in one transaction, and a rollback brings the old one back', async (storage) => {
    await seed(storage);
    await storage.transaction(async (tx) => {
      await tx.delete('task', 't1', { expectedVersion: 1 });
      expect((await tx.put({ type: 'task', id: 't1', campaignId: 'other', data: { again: true } }, { expectedVersion: 0 })).version).toBe(3);
    });
    expect((await storage.get('task', 't1'))?.version).toBe(3);
    const before = await storage.get('task', 't1');
    await rejection(
      storage.transaction(async (tx) => {
        await tx.delete('task', 't1', { expectedVersion: 3 });
        await tx.put({ type: 'task', id: 't1', data: { third: true } }, { expectedVersion: 0 });
        throw new Error('changed my mind');
      }),
    );
    expect(await storage.get('task', 't1')).toEqual(before);
  });

  test('joins a nested transaction to the outer one', async (storage) => {
    await seed(storage);
    await rejection(
      storage.transaction(async (tx) => {
        await tx.transaction((inner) => command(inner, 'cmd-1', 2));
        expect((await tx.get('task', 't1'))?.version).toBe(2);
        throw new Error('outer fails after the nested transaction succeeded');
      }),
    );
    await expectUntouched(storage);
  });

  test('undoes only the nested transaction whose error the outer one catches', async (storage) => {
    await seed(storage);
    await storage.transaction(async (tx) => {
      await command(tx, 'cmd-1', 2);
      const error = await rejection(
        tx.transaction(async (inner) => {
          await command(inner, 'cmd-2', 3);
          throw new Error('nested step fails');
        }),
      );
      expect((error as Error).message).toBe('nested step fails');
      await tx.put({ type: 'task', id: 't2', data: {} }, { expectedVersion: 0 });
    });
    expect((await storage.get('task', 't1'))?.version).toBe(2);
    expect((await storage.get('task', 't2'))?.version).toBe(1);
    expect((await storage.readAudit()).items.map((entry) => entry.id)).toEqual(['cmd-1']);
    expect((await storage.claimOutbox({ consumer: 'relay' })).map((entry) => entry.event.id)).toEqual(['evt-cmd-1']);
  });

  test('goes on after a version conflict caught inside the transaction', async (storage) => {
    await seed(storage);
    await storage.transaction(async (tx) => {
      expect(codeOf(await rejection(tx.put({ type: 'task', id: 't1', data: {} }, { expectedVersion: 0 })))).toBe('CONFLICT');
      expect(codeOf(await rejection(tx.put({ type: 'task', id: 't1', data: {} }, { expectedVersion: 5 })))).toBe('CONFLICT');
      await command(tx, 'cmd-1', 2);
    });
    expect((await storage.get('task', 't1'))?.version).toBe(2);
  });

  test('refuses to be used after it finished', async (storage) => {
    let leaked: StorageTransaction | undefined;
    await storage.transaction(async (tx) => {
      leaked = tx;
    });
    expect(codeOf(await rejection(leaked?.get('task', 't1') ?? Promise.resolve()))).toBe('INVALID_STATE');
    expect(codeOf(await rejection(leaked?.put({ type: 'task', id: 't1', data: {} }, { expectedVersion: 0 }) ?? Promise.resolve()))).toBe(
      'INVALID_STATE',
    );
    expect(await storage.get('task', 't1')).toBe(null);
  });

  test('refuses the writes of a nested transaction that outlives its outer transaction', async (storage) => {
    let resume: () => void = () => undefined;
    const paused = new Promise<void>((resolve) => {
      resume = resolve;
    });
    let nested: Promise<unknown> = Promise.resolve();
    await storage.transaction(async (tx) => {
      // Started but not awaited: the outer callback returns while the nested one still runs.
      nested = tx.transaction(async (inner) => {
        await paused;
        await inner.put({ type: 'task', id: 't-late', data: {} }, { expectedVersion: 0 });
      });
      nested.catch(() => undefined);
    });
    resume();
    expect(codeOf(await rejection(nested))).toBe('INVALID_STATE');
    expect(await storage.get('task', 't-late')).toBe(null);
    // The adapter stays usable for the next transaction.
    await storage.transaction((tx) => tx.put({ type: 'task', id: 't-next', data: {} }, { expectedVersion: 0 }));
    expect((await storage.get('task', 't-next'))?.version).toBe(1);
  });

  async function expectUntouched(storage: StorageAdapter): Promise<void> {
    expect(await storage.get('task', 't1')).toEqual({
      type: 'task',
      id: 't1',
      campaignId: 'launch',
      version: 1,
      data: { name: 'Brief' },
      updatedAt: START,
    });
    expect(await storage.readAudit()).toEqual({ items: [], nextCursor: null });
    expect(await storage.claimOutbox({ consumer: 'relay' })).toEqual([]);
  }
}

async function seed(storage: StorageAdapter): Promise<void> {
  await storage.put({ type: 'task', id: 't1', campaignId: 'launch', data: { name: 'Brief' } }, { expectedVersion: 0 });
}

function audit(id: string, version: number): AuditInput {
  return {
    id,
    at: START,
    actor: 'm-li',
    command: 'task.rename',
    aggregate: { type: 'task', id: 't1', campaignId: 'launch' },
    version,
    patches: [{ op: 'replace', path: ['name'], value: `Brief v${version}` }],
    inversePatches: [{ op: 'replace', path: ['name'], value: `Brief v${version - 1}` }],
  };
}

/** One command as the pipeline runs it: write at the expected version, audit, outbox. */
async function command(tx: StorageTransaction, id: string, version: number): Promise<void> {
  await tx.put({ type: 'task', id: 't1', campaignId: 'launch', data: { name: `Brief v${version}` } }, { expectedVersion: version - 1 });
  await tx.appendAudit(audit(id, version));
  await tx.appendOutbox([{ type: 'task.renamed', id: `evt-${id}`, aggregateId: 't1', version }]);
}
