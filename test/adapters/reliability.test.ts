import { afterAll, describe, expect, it } from 'vitest';
import { createMysqlStorage } from '../../src/adapters/mysql/index.js';
import { createPostgresStorage } from '../../src/adapters/postgres/index.js';
import type { StorageAdapter } from '../../src/store/storageAdapter.js';
import { runConcurrentWriters } from '../../src/testing/index.js';
import { connectMysql, connectPostgres, runPrefix, tablesOf } from './_databases.js';

/**
 * The reliability proof on the real servers: 8 workers, each with its own connection pool as if on
 * its own app server, commit 500 commands each against the same 5 tasks, retrying every CONFLICT.
 */
const WORKERS = 8;
const COMMANDS = 500;
const TASKS = 5;

interface Database {
  readonly name: string;
  /** One storage per worker, each on its own pool; `null` when the server is unavailable. */
  connect(prefix: string): Promise<{ storages: StorageAdapter[]; migrate(): Promise<unknown>; close(): Promise<void> } | null>;
}

/** A database reached through one pool per worker; `create` wraps a pool in the adapter under test. */
function pooled<P extends { query(sql: string): Promise<unknown>; end(): Promise<void> }>(
  name: string,
  connect: (size: number) => Promise<P | null>,
  create: (pool: P, tablePrefix: string) => StorageAdapter & { migrate(): Promise<unknown> },
): Database {
  return {
    name,
    async connect(prefix) {
      const pools: (P | null)[] = await Promise.all(Array.from({ length: WORKERS }, () => connect(2)));
      const ready = pools.filter((pool): pool is P => pool !== null);
      if (ready.length < WORKERS) return null;
      const storages = ready.map((pool) => create(pool, prefix));
      return {
        storages,
        migrate: () => storages[0]?.migrate() ?? Promise.resolve(),
        async close() {
          await ready[0]?.query(`DROP TABLE IF EXISTS ${tablesOf(prefix).join(', ')}`);
          await Promise.all(ready.map((pool) => pool.end()));
        },
      };
    },
  };
}

const databases: Database[] = [
  pooled('PostgreSQL', connectPostgres, (pool, tablePrefix) => createPostgresStorage({ pool, tablePrefix })),
  pooled('MariaDB', connectMysql, (pool, tablePrefix) => createMysqlStorage({ pool, tablePrefix })),
];

for (const database of databases) {
  const prefix = runPrefix('rel');
  const connection = await database.connect(prefix);

  describe.skipIf(connection === null)(`${database.name}: ${WORKERS} app servers × ${COMMANDS} commands on ${TASKS} shared tasks`, () => {
    if (connection === null) console.warn(`${database.name} reliability test is skipped (see the notice above).`);
    afterAll(async () => connection?.close());

    it('loses no update, surfaces every conflict as CONFLICT, keeps versions gap-free and audits each command once', async () => {
      if (!connection) throw new Error(`${database.name} is not available`);
      await connection.migrate();
      const report = await runConcurrentWriters({ storages: connection.storages, commandsPerWorker: COMMANDS, aggregates: TASKS, runId: 'rel' });
      const total = WORKERS * COMMANDS;

      expect(report.commands).toBe(total);
      expect(report.counters.reduce((sum, counter) => sum + counter.count, 0)).toBe(total);
      for (const counter of report.counters) {
        expect(counter.version).toBe(counter.count + 1);
        expect(counter.auditVersions).toEqual(Array.from({ length: counter.count }, (_, i) => i + 2));
      }
      expect([report.auditEntries, report.distinctCommands]).toEqual([total, total]);
      // Eight writers on five tasks collide; every collision was a CONFLICT that the worker retried.
      expect(report.conflicts > 0).toBe(true);

      const [relay] = connection.storages;
      const events = new Set<string>();
      for (;;) {
        const batch = (await relay?.claimOutbox({ consumer: 'relay', limit: 1000 })) ?? [];
        if (batch.length === 0) break;
        for (const entry of batch) events.add(entry.event.id);
        await relay?.acknowledgeOutbox(batch.map((entry) => entry.seq));
      }
      expect(events.size).toBe(total);
      console.info(
        `${database.name}: ${total} commands in ${Math.round(report.durationMs)} ms ` +
          `(${Math.round((total / report.durationMs) * 1000)} commands/s), ${report.conflicts} conflicts retried`,
      );
    }, 300_000);
  });
}
