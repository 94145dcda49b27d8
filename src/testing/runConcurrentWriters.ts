import * as z from 'zod';
import { systemClock, type Clock } from '../core/clock.js';
import { isCampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import type { StorageAdapter } from '../store/storageAdapter.js';
import { ClockSchema } from '../store/storageSchemas.js';

const OptionsSchema = z.object({
  /** One adapter per worker. */
  storages: z
    .array(
      z.custom<StorageAdapter>(
        (value) => typeof (value as StorageAdapter | undefined)?.transaction === 'function',
        'expected a StorageAdapter',
      ),
    )
    .min(1, 'pass at least one storage (one per worker)'),
  /** Commands per worker. */
  commandsPerWorker: z.int().min(1),
  /** Shared counters. */
  aggregates: z.int().min(1).default(3),
  /** Id prefix. */
  runId: z.string().min(1).max(100).optional(),
  /** Clock. */
  clock: ClockSchema.default(systemClock),
});

/** Options of {@link runConcurrentWriters}. */
export interface ConcurrentWritersOptions {
  /**
   * One adapter per worker. Pass the same adapter several times to share it, or one adapter per
   * connection pool to behave like several app servers.
   */
  readonly storages: readonly StorageAdapter[];
  /** Commands each worker commits. */
  readonly commandsPerWorker: number;
  /** How many counter documents the workers share; default 3. Fewer means more conflicts. */
  readonly aggregates?: number;
  /** Prefix of every id the run creates, so runs do not collide; default a random UUID. */
  readonly runId?: string;
  /** Source of the audit entries' `at`; default {@link systemClock}. */
  readonly clock?: Clock;
}

/** One counter document after the run. */
export interface CounterOutcome {
  /** Its id. */
  readonly id: string;
  /** Its final count: how many commands committed on it. */
  readonly count: number;
  /** Its final version. */
  readonly version: number;
  /** The `version` of each of its audit entries, oldest first. */
  readonly auditVersions: readonly number[];
}

/** What {@link runConcurrentWriters} observed. */
export interface ConcurrentWritersReport {
  /** Commands committed: workers × commandsPerWorker. */
  readonly commands: number;
  /** `CONFLICT` errors met and retried. */
  readonly conflicts: number;
  /** Wall-clock time of the writing phase in ms. */
  readonly durationMs: number;
  /** Every counter, read back after the run. */
  readonly counters: readonly CounterOutcome[];
  /** Audit entries of the run's counters. */
  readonly auditEntries: number;
  /** Distinct `commandId`s among them. */
  readonly distinctCommands: number;
}

/**
 * Runs the pipeline's write pattern from many workers at once: each command loads a shared counter
 * in a transaction, saves it incremented at the version it read, and appends one audit entry and
 * one outbox event; a `CONFLICT` is retried, any other error fails the run. Afterwards it reads the
 * counters and their audit trail back. With no lost update, the counts sum to `commands`, each
 * counter's version is its count + 1 and its audit versions run 2, 3, … without a gap.
 *
 * @example
 * ```ts
 * const report = await runConcurrentWriters({ storages: [storage, storage, storage, storage], commandsPerWorker: 25 });
 * // { commands: 100, conflicts: 0, durationMs: 41.7, auditEntries: 100, distinctCommands: 100,
 * //   counters: [{ id: '…-counter-0', count: 34, version: 35, auditVersions: [2, 3, …, 35] }, …] }
 * ```
 */
export async function runConcurrentWriters(options: ConcurrentWritersOptions): Promise<ConcurrentWritersReport> {
  const { storages, commandsPerWorker, aggregates, runId = globalThis.crypto.randomUUID(), clock } = parseInput(
    OptionsSchema,
    options,
    'concurrent writers options',
  );
  const [first] = storages;
  const counterIds = Array.from({ length: aggregates }, (_, i) => `${runId}-counter-${i}`);
  for (const id of counterIds) await first.put({ type: 'counter', id, campaignId: runId, data: { count: 0 } }, { expectedVersion: 0 });

  let conflicts = 0;
  const started = globalThis.performance.now();
  await Promise.all(
    storages.map(async (storage, worker) => {
      for (let n = 0; n < commandsPerWorker; n++) {
        const counterId = counterIds[(worker * 7 + n) % aggregates] ?? `${runId}-counter-0`;
        const commandId = `${runId}-w${worker}-c${n}`;
        for (let attempt = 1; ; attempt++) {
          try {
            await increment(storage, { runId, counterId, commandId, actor: `worker-${worker}`, at: new Date(clock.now()).toISOString() });
            break;
          } catch (error) {
            if (!isCampaignKitError(error, 'CONFLICT')) throw error;
            conflicts += 1;
            // A short, growing pause lets the winner commit before the loser reloads.
            await new Promise((resolve) => setTimeout(resolve, Math.min(attempt, 5)));
          }
        }
      }
    }),
  );
  const durationMs = globalThis.performance.now() - started;

  const counters: CounterOutcome[] = [];
  const commandIds = new Set<string>();
  let auditEntries = 0;
  for (const id of counterIds) {
    const record = await first.get('counter', id);
    const versions: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await first.readAudit({ aggregate: { type: 'counter', id }, limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
      for (const entry of page.items) {
        versions.push(entry.version);
        commandIds.add(entry.commandId);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    auditEntries += versions.length;
    const count = (record?.data as { count: number } | undefined)?.count ?? -1;
    counters.push({ id, count, version: record?.version ?? 0, auditVersions: versions });
  }
  const commands = storages.length * commandsPerWorker;
  return { commands, conflicts, durationMs, counters, auditEntries, distinctCommands: commandIds.size };
}

async function increment(
  storage: StorageAdapter,
  command: { runId: string; counterId: string; commandId: string; actor: string; at: string },
): Promise<void> {
  const { runId, counterId, commandId, actor, at } = command;
  await storage.transaction(async (tx) => {
    const current = await tx.get('counter', counterId);
    if (!current) throw new Error(`counter ${counterId} vanished`);
    const count = (current.data as { count: number }).count;
    const saved = await tx.put(
      { type: 'counter', id: counterId, campaignId: runId, data: { count: count + 1 } },
      { expectedVersion: current.version },
    );
    await tx.appendAudit({
      id: commandId,
      at,
      actor,
      command: 'counter.increment',
      aggregate: { type: 'counter', id: counterId, campaignId: runId },
      version: saved.version,
      patches: [{ op: 'replace', path: ['count'], value: count + 1 }],
      inversePatches: [{ op: 'replace', path: ['count'], value: count }],
    });
    await tx.appendOutbox([
      { type: 'counter.incremented', id: commandId, time: at, actor, aggregateId: counterId, version: saved.version },
    ]);
  });
}
