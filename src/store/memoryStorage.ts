import * as z from 'zod';
import { systemClock, type Clock } from '../core/clock.js';
import { parseInput } from '../core/validate.js';
import { createMutex } from './createMutex.js';
import { takeSnapshot, restoreSnapshot, type MemorySnapshot } from './memorySnapshot.js';
import type { OutboxEntry, StorageAdapter, StorageTransaction } from './storageAdapter.js';
import { parseClaim, parseSeqs } from './storageInput.js';
import { ClockSchema } from './storageSchemas.js';
import { listRecords, readAuditRows } from './_memoryQueries.js';
import { emptyState, toAuditEntry, toOutboxEntry, toRecord, type MemoryState } from './_memoryState.js';
import { Staging } from './_memoryStaging.js';
import { validatedOperations, type ParsedOperations } from './validatedOperations.js';

/** Options of {@link createMemoryStorage}. */
export interface MemoryStorageOptions {
  /** Source of `updatedAt`, `createdAt` and lease times; default {@link systemClock}. */
  readonly clock?: Clock;
  /** Contents to start from, as returned by {@link MemoryStorage.snapshot}. */
  readonly snapshot?: MemorySnapshot;
}

/** The in-memory adapter: a {@link StorageAdapter} that can also export its contents. */
export interface MemoryStorage extends StorageAdapter {
  /**
   * The committed contents as a JSON-safe object; restoring it with `createMemoryStorage({ snapshot })`
   * gives back exactly the same documents, audit trail, outbox and counters.
   *
   * @example
   * ```ts
   * const text = JSON.stringify(storage.snapshot());
   * const copy = createMemoryStorage({ snapshot: JSON.parse(text) });
   * ```
   */
  snapshot(): MemorySnapshot;
}

const OptionsSchema = z.object({
  /** Clock. */
  clock: ClockSchema.default(systemClock),
  /** Snapshot, validated when restored. */
  snapshot: z.unknown().optional(),
});

/**
 * The embedded default storage: everything in memory, with the same guarantees as the database
 * adapters. Transactions stage their writes copy-on-write and run one at a time, so concurrent
 * callers never see each other's partial state; a thrown error discards the staged writes.
 *
 * @example
 * ```ts
 * const storage = createMemoryStorage();
 * await storage.put({ type: 'task', id: 't1', campaignId: 'launch', data: { name: 'Brief' } }, { expectedVersion: 0 });
 * (await storage.get('task', 't1'))?.version; // 1
 * ```
 */
export function createMemoryStorage(options: MemoryStorageOptions = {}): MemoryStorage {
  const { clock, snapshot } = parseInput(OptionsSchema, options, 'memory storage options');
  const state: MemoryState = snapshot === undefined ? emptyState() : restoreSnapshot(snapshot);
  const now = () => clock.now();
  const mutex = createMutex();

  // Writes outside a transaction are a staging layer committed at once (synchronously, so atomic).
  const autocommit = <R>(write: (staging: Staging) => R): Promise<R> =>
    settle(() => {
      const staging = new Staging(state, null, now);
      const result = write(staging);
      staging.commit();
      return result;
    });

  const committed = () => new Staging(state, null, now);
  const storage: MemoryStorage = {
    ...validatedOperations(operations(committed, autocommit)),
    transaction: (fn) => mutex.run(() => runInLayer(new Staging(state, null, now), fn)),
    claimOutbox: (claim) =>
      settle(() => {
        const { consumer, limit, leaseMs } = parseClaim(claim);
        const at = clock.now();
        const due = [...state.outbox.values()]
          .filter((row) => row.status === 'pending' && (row.claimedUntil === null || row.claimedUntil <= at))
          .sort((a, b) => a.seq - b.seq)
          .slice(0, limit);
        return due.map((row): OutboxEntry => {
          row.claimedBy = consumer;
          row.claimedUntil = at + leaseMs;
          row.attempts += 1;
          return toOutboxEntry(row);
        });
      }),
    acknowledgeOutbox: (seqs) =>
      settle(() => {
        const sentAt = new Date(clock.now()).toISOString();
        let count = 0;
        for (const seq of parseSeqs(seqs)) {
          const row = state.outbox.get(seq);
          if (row?.status !== 'pending') continue;
          row.status = 'sent';
          row.sentAt = sentAt;
          count += 1;
        }
        return count;
      }),
    snapshot: () => takeSnapshot(state),
  };
  return storage;
}

/** The operations shared by the adapter and its transactions, over the given staging layers. */
function operations(read: () => Staging, write: <R>(fn: (staging: Staging) => R) => Promise<R>): ParsedOperations {
  return {
    get: async (key) => {
      const row = read().get(key.type, key.id);
      return row ? toRecord(row) : null;
    },
    getMany: async (type, ids) => {
      const staging = read();
      return ids.map((id) => {
        const row = staging.get(type, id);
        return row ? toRecord(row) : null;
      });
    },
    list: async (query) => listRecords(read(), query),
    readAudit: async (query) => readAuditRows(read().auditRows(), query),
    put: (command) => write((staging) => toRecord(staging.put(command))),
    delete: (key, expectedVersion) => write((staging) => staging.delete(key, expectedVersion)),
    appendAudit: (command) => write((staging) => toAuditEntry(staging.appendAudit(command))),
    appendOutbox: (commands) => write((staging) => staging.appendOutbox(commands).map(toOutboxEntry)),
  };
}

/** A transaction's view: every call checks the transaction is still open and works on its layer. */
function transactionView(staging: Staging): StorageTransaction {
  const open = () => {
    staging.assertOpen();
    return staging;
  };
  return {
    ...validatedOperations(operations(open, (write) => settle(() => write(open())))),
    transaction: async (fn) => runInLayer(open().child(), fn),
  };
}

/** Runs `fn` on a staging layer: its writes are kept when `fn` resolves and dropped when it throws. */
async function runInLayer<R>(staging: Staging, fn: (tx: StorageTransaction) => Promise<R>): Promise<R> {
  try {
    const result = await fn(transactionView(staging));
    staging.commit();
    return result;
  } finally {
    staging.close();
  }
}

/** Runs synchronous work as a promise, turning a throw into a rejection. */
function settle<R>(work: () => R): Promise<R> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error as Error);
  }
}
