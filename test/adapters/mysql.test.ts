import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';
import { createMysqlStorage, type MysqlPool } from '../../src/adapters/mysql/index.js';
import { runStorageConformance } from '../../src/testing/index.js';
import { connectMysql, runPrefix, tablesOf } from './_databases.js';
import { checkTouchesBackfill } from './_backfill.js';

const pool = await connectMysql();
const prefix = runPrefix('my');
const [records, audit, outbox, , touches] = tablesOf(prefix);

function database(): mysql.Pool {
  if (!pool) throw new Error('MySQL/MariaDB is not available');
  return pool;
}

async function dropTables(tablePrefix: string): Promise<void> {
  await database().query(`DROP TABLE IF EXISTS ${tablesOf(tablePrefix).join(', ')}`);
}

async function truncate(...tables: (string | undefined)[]): Promise<void> {
  for (const table of tables) await database().query(`TRUNCATE TABLE ${table ?? ''}`);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe.skipIf(pool === null)('MySQL/MariaDB adapter', () => {
  if (pool === null) console.warn('MySQL/MariaDB adapter tests are skipped (see the notice above).');

  beforeAll(async () => {
    await createMysqlStorage({ pool: database(), tablePrefix: prefix }).migrate();
  });

  afterAll(async () => {
    await dropTables(prefix);
    await pool?.end();
  });

  runStorageConformance(
    { describe, it, expect },
    {
      name: 'mysql',
      create: async ({ clock }) => {
        await truncate(records, audit, outbox, touches);
        return createMysqlStorage({ pool: database(), tablePrefix: prefix, clock });
      },
    },
  );

  describe('schema', () => {
    it('creates its tables once when two app servers migrate at the same time, and is idempotent after', async () => {
      const fresh = runPrefix('mym');
      try {
        const reports = await Promise.all([
          createMysqlStorage({ pool: database(), tablePrefix: fresh }).migrate(),
          createMysqlStorage({ pool: database(), tablePrefix: fresh }).migrate(),
        ]);
        expect(reports.map((report) => report.applied.length).sort()).toEqual([0, 2]);
        expect(reports.map((report) => report.version)).toEqual([2, 2]);
        expect(await createMysqlStorage({ pool: database(), tablePrefix: fresh }).migrate()).toEqual({ applied: [], version: 2 });
        const [tables] = await database().query<mysql.RowDataPacket[]>(
          'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE ? ORDER BY table_name',
          [`${fresh.replace(/_/g, '\\_')}%`],
        );
        expect(tables.map((row) => row['name'] as string)).toEqual(['audit', 'audit_touches', 'migrations', 'outbox', 'records'].map((table) => `${fresh}${table}`));
        const [versions] = await database().query<mysql.RowDataPacket[]>(`SELECT version, name FROM ${fresh}migrations`);
        expect(versions.map((row) => ({ ...row }))).toEqual([
          { version: 1, name: 'documents, audit trail and outbox' },
          { version: 2, name: 'index of the records each audit entry changed' },
        ]);
      } finally {
        await dropTables(fresh);
      }
    });

    it('indexes the records touched by audit entries written before migration 2', async () => {
      const fresh = runPrefix('myb');
      try {
        await checkTouchesBackfill(createMysqlStorage({ pool: database(), tablePrefix: fresh }), fresh, (sql) => database().query(sql));
      } finally {
        await dropTables(fresh);
      }
    });

    it('keeps keys in binary columns so case and trailing spaces never merge two ids', async () => {
      const [columns] = await database().query<mysql.RowDataPacket[]>(
        'SELECT column_name AS name, column_type AS type FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position',
        [records],
      );
      expect(columns.map((row) => [row['name'], row['type']])).toEqual([
        ['type', 'varbinary(800)'],
        ['id', 'varbinary(800)'],
        ['campaign_id', 'varbinary(800)'],
        ['version', 'bigint(20)'],
        ['data', 'longtext'],
        ['updated_at', 'varchar(400)'],
      ]);
    });

    it('runs on a server that supports SKIP LOCKED (MySQL 8.0.1+, MariaDB 10.6+)', async () => {
      const [rows] = await database().query<mysql.RowDataPacket[]>('SELECT VERSION() AS version');
      const version = String(rows[0]?.['version']);
      const [major = 0, minor = 0] = version.split(/[.-]/).map(Number);
      const isMaria = /mariadb/i.test(version);
      expect(isMaria ? major > 10 || (major === 10 && minor >= 6) : major >= 8).toBe(true);
    });

    it('says to run migrate() when the tables do not exist', async () => {
      const storage = createMysqlStorage({ pool: database(), tablePrefix: runPrefix('mynone') });
      const error = await failure(storage.get('task', 't1'));
      expect(isCampaignKitError(error, 'STORAGE')).toBe(true);
      expect((error as Error).message).toMatch(/run `await storage.migrate\(\)` first/);
    });

    it('rejects a table prefix that is not a plain lower-case identifier', () => {
      for (const tablePrefix of ['Campaign_', 'ck;drop table x;', '1ck_', 'x'.repeat(31)]) {
        expect(() => createMysqlStorage({ pool: database(), tablePrefix })).toThrow(/Invalid mysql storage options: tablePrefix/);
      }
      expect(() => createMysqlStorage({ pool: {} as MysqlPool })).toThrow(/expected a mysql2 promise pool/);
    });
  });

  describe('several app servers', () => {
    it('lets relays on separate pools claim at the same time without sharing an entry', async () => {
      await truncate(outbox);
      const writer = createMysqlStorage({ pool: database(), tablePrefix: prefix });
      const ids = Array.from({ length: 200 }, (_, i) => `evt-${String(i).padStart(3, '0')}`);
      for (let i = 0; i < ids.length; i += 50) {
        await writer.appendOutbox(ids.slice(i, i + 50).map((id) => ({ type: 'task.updated', id })));
      }
      const pools = await Promise.all([connectMysql(2), connectMysql(2), connectMysql(2), connectMysql(2)]);
      try {
        const relays = pools.map((relayPool, index) => {
          if (!relayPool) throw new Error('MySQL/MariaDB is not available');
          return { name: `relay-${index}`, storage: createMysqlStorage({ pool: relayPool, tablePrefix: prefix }) };
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
    function killedBeforeAudit(base: mysql.Pool): MysqlPool {
      return {
        query: (sql, values) => base.query(sql, values),
        async getConnection() {
          const connection = await base.getConnection();
          return {
            release: () => connection.release(),
            destroy: () => connection.destroy(),
            async query(sql, values) {
              if (sql.startsWith(`INSERT INTO ${audit} `)) await base.query(`KILL CONNECTION ${connection.threadId}`);
              return connection.query(sql, values);
            },
          };
        },
      };
    }

    it('leaves neither the write nor an audit entry nor an event when the connection dies', async () => {
      await truncate(records, audit, outbox, touches);
      const healthy = createMysqlStorage({ pool: database(), tablePrefix: prefix });
      await healthy.put({ type: 'task', id: 't1', data: { name: 'Brief' } }, { expectedVersion: 0 });
      const crashing = createMysqlStorage({ pool: killedBeforeAudit(database()), tablePrefix: prefix });

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
