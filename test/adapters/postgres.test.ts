import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';
import { createPostgresStorage, type PostgresPool } from '../../src/adapters/postgres/index.js';
import { runStorageConformance } from '../../src/testing/index.js';
import { connectPostgres, runPrefix, tablesOf } from './_databases.js';
import { checkTouchesBackfill } from './_backfill.js';

const pool = await connectPostgres();
const prefix = runPrefix('pg');
const [records, audit, outbox, , touches] = tablesOf(prefix);

function database(): pg.Pool {
  if (!pool) throw new Error('PostgreSQL is not available');
  return pool;
}

async function dropTables(tablePrefix: string): Promise<void> {
  await database().query(`DROP TABLE IF EXISTS ${tablesOf(tablePrefix).join(', ')}`);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe.skipIf(pool === null)('PostgreSQL adapter', () => {
  if (pool === null) console.warn('PostgreSQL adapter tests are skipped (see the notice above).');

  beforeAll(async () => {
    await createPostgresStorage({ pool: database(), tablePrefix: prefix }).migrate();
  });

  afterAll(async () => {
    await dropTables(prefix);
    await pool?.end();
  });

  runStorageConformance(
    { describe, it, expect },
    {
      name: 'postgres',
      create: async ({ clock }) => {
        await database().query(`TRUNCATE ${records}, ${audit}, ${outbox}, ${touches} RESTART IDENTITY`);
        return createPostgresStorage({ pool: database(), tablePrefix: prefix, clock });
      },
    },
  );

  describe('schema', () => {
    it('creates its tables once when two app servers migrate at the same time, and is idempotent after', async () => {
      const fresh = runPrefix('pgm');
      try {
        const reports = await Promise.all([
          createPostgresStorage({ pool: database(), tablePrefix: fresh }).migrate(),
          createPostgresStorage({ pool: database(), tablePrefix: fresh }).migrate(),
        ]);
        expect(reports.map((report) => report.applied.length).sort()).toEqual([0, 2]);
        expect(reports.map((report) => report.version)).toEqual([2, 2]);
        expect(await createPostgresStorage({ pool: database(), tablePrefix: fresh }).migrate()).toEqual({ applied: [], version: 2 });
        const { rows } = await database().query(
          `SELECT tablename FROM pg_tables WHERE tablename LIKE $1 ORDER BY tablename`,
          [`${fresh.replace(/_/g, '\\_')}%`],
        );
        expect(rows.map((row: { tablename: string }) => row.tablename)).toEqual(
          ['audit', 'audit_touches', 'migrations', 'outbox', 'records'].map((table) => `${fresh}${table}`),
        );
        const versions = await database().query(`SELECT version, name FROM ${fresh}migrations`);
        expect(versions.rows).toEqual([
          { version: '1', name: 'documents, audit trail and outbox' },
          { version: '2', name: 'index of the records each audit entry changed' },
        ]);
      } finally {
        await dropTables(fresh);
      }
    });

    it('indexes the records touched by audit entries written before migration 2', async () => {
      const fresh = runPrefix('pgb');
      try {
        await checkTouchesBackfill(createPostgresStorage({ pool: database(), tablePrefix: fresh }), fresh, (sql) => database().query(sql));
      } finally {
        await dropTables(fresh);
      }
    });

    it('stores documents as jsonb with keys in byte order', async () => {
      const { rows } = await database().query(
        `SELECT column_name, data_type, collation_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
        [records],
      );
      expect(rows).toEqual([
        { column_name: 'type', data_type: 'text', collation_name: 'C' },
        { column_name: 'id', data_type: 'text', collation_name: 'C' },
        { column_name: 'campaign_id', data_type: 'text', collation_name: 'C' },
        { column_name: 'version', data_type: 'bigint', collation_name: null },
        { column_name: 'data', data_type: 'jsonb', collation_name: null },
        { column_name: 'updated_at', data_type: 'text', collation_name: null },
      ]);
    });

    it('says to run migrate() when the tables do not exist', async () => {
      const storage = createPostgresStorage({ pool: database(), tablePrefix: runPrefix('pgnone') });
      const error = await failure(storage.get('task', 't1'));
      expect(isCampaignKitError(error, 'STORAGE')).toBe(true);
      expect((error as Error).message).toMatch(/run `await storage.migrate\(\)` first/);
    });

    it('rejects a table prefix that is not a plain lower-case identifier', () => {
      for (const tablePrefix of ['Campaign_', 'ck;drop table x;', '1ck_', 'x'.repeat(31)]) {
        expect(() => createPostgresStorage({ pool: database(), tablePrefix })).toThrow(/Invalid postgres storage options: tablePrefix/);
      }
      expect(() => createPostgresStorage({ pool: {} as PostgresPool })).toThrow(/expected a pg Pool/);
    });
  });

  describe('several app servers', () => {
    it('lets relays on separate pools claim at the same time without sharing an entry', async () => {
      await database().query(`TRUNCATE ${outbox} RESTART IDENTITY`);
      const writer = createPostgresStorage({ pool: database(), tablePrefix: prefix });
      const ids = Array.from({ length: 200 }, (_, i) => `evt-${String(i).padStart(3, '0')}`);
      for (let i = 0; i < ids.length; i += 50) {
        await writer.appendOutbox(ids.slice(i, i + 50).map((id) => ({ type: 'task.updated', id })));
      }
      const pools = await Promise.all([connectPostgres(2), connectPostgres(2), connectPostgres(2), connectPostgres(2)]);
      try {
        const relays = pools.map((relayPool, index) => {
          if (!relayPool) throw new Error('PostgreSQL is not available');
          return { name: `relay-${index}`, storage: createPostgresStorage({ pool: relayPool, tablePrefix: prefix }) };
        });
        const batches = await Promise.all(
          relays.map(async ({ name, storage }) => {
            const seen: string[] = [];
            for (;;) {
              const batch = await storage.claimOutbox({ consumer: name, limit: 7 });
              if (batch.length === 0) return seen;
              seen.push(...batch.map((entry) => entry.event.id));
              await storage.acknowledgeOutbox(batch.map((entry) => entry.seq));
            }
          }),
        );
        const all = batches.flat();
        expect(all.length).toBe(200);
        expect([...new Set(all)].sort()).toEqual(ids);
      } finally {
        await Promise.all(pools.map((relayPool) => relayPool?.end()));
      }
    });
  });

  describe('crash between the write and the audit append', () => {
    /** A pool whose connections are killed by the server right before the audit insert. */
    function killedBeforeAudit(base: pg.Pool): PostgresPool {
      return {
        query: (text, values) => base.query(text, values),
        async connect() {
          const client = await base.connect();
          const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          const pid = rows[0]?.pid;
          return {
            on: (event, listener) => client.on(event, listener),
            removeListener: (event, listener) => client.removeListener(event, listener),
            release: (destroy) => client.release(destroy),
            async query(text, values) {
              if (text.startsWith(`INSERT INTO ${audit} `)) {
                await base.query('SELECT pg_terminate_backend($1)', [pid]);
                await new Promise((resolve) => setTimeout(resolve, 50));
              }
              return client.query(text, values);
            },
          };
        },
      };
    }

    it('leaves neither the write nor an audit entry nor an event when the connection dies', async () => {
      await database().query(`TRUNCATE ${records}, ${audit}, ${outbox}, ${touches} RESTART IDENTITY`);
      const healthy = createPostgresStorage({ pool: database(), tablePrefix: prefix });
      await healthy.put({ type: 'task', id: 't1', data: { name: 'Brief' } }, { expectedVersion: 0 });
      const crashing = createPostgresStorage({ pool: killedBeforeAudit(database()), tablePrefix: prefix });

      const error = await failure(
        crashing.transaction(async (tx) => {
          const saved = await tx.put({ type: 'task', id: 't1', data: { name: 'Lost' } }, { expectedVersion: 1 });
          await tx.appendAudit({
            id: 'cmd-1',
            at: '2026-03-02T09:00:00.000Z',
            actor: 'm-li',
            command: 'task.rename',
            aggregate: { type: 'task', id: 't1' },
            version: saved.version,
            patches: [],
            inversePatches: [],
          });
          await tx.appendOutbox([{ type: 'task.renamed', id: 'evt-1' }]);
        }),
      );
      expect(isCampaignKitError(error, 'STORAGE')).toBe(true);
      expect(await healthy.get('task', 't1')).toMatchObject({ version: 1, data: { name: 'Brief' } });
      expect((await healthy.readAudit()).items).toEqual([]);
      expect(await healthy.claimOutbox({ consumer: 'relay' })).toEqual([]);
      // The dead connection was discarded, not handed out again.
      expect((await healthy.put({ type: 'task', id: 't1', data: { name: 'Next' } }, { expectedVersion: 1 })).version).toBe(2);
    });
  });
});
