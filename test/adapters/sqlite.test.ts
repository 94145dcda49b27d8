import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';
import { checkTouchesBackfill } from './_backfill.js';
import { createSqliteStorage, type SqliteDatabase } from '../../src/adapters/sqlite/index.js';
import { runConcurrentWriters, runStorageConformance } from '../../src/testing/index.js';

const run = promisify(execFile);
const open: Database.Database[] = [];
const directories: string[] = [];

function database(file = ':memory:', options?: Database.Options): Database.Database {
  const db = new Database(file, options);
  open.push(db);
  return db;
}

function tempFile(): string {
  const directory = mkdtempSync(join(tmpdir(), 'campaignkit-sqlite-'));
  directories.push(directory);
  return join(directory, 'campaigns.db');
}

afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

runStorageConformance(
  { describe, it, expect },
  {
    name: 'sqlite',
    create: async ({ clock }) => {
      const storage = createSqliteStorage({ database: database(), clock });
      await storage.migrate();
      return storage;
    },
  },
);

describe('SQLite adapter', () => {
  it('creates its tables once and reports the schema version', async () => {
    const db = database();
    const storage = createSqliteStorage({ database: db, tablePrefix: 'crm_ck_' });
    expect(await storage.migrate()).toEqual({ applied: [1, 2], version: 2 });
    expect(await storage.migrate()).toEqual({ applied: [], version: 2 });
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'crm_ck_%' ORDER BY name`).all();
    expect(tables).toEqual([{ name: 'crm_ck_audit' }, { name: 'crm_ck_audit_touches' }, { name: 'crm_ck_migrations' }, { name: 'crm_ck_outbox' }, { name: 'crm_ck_records' }]);
  });

  it('indexes the records touched by audit entries written before migration 2', async () => {
    const db = database();
    await checkTouchesBackfill(createSqliteStorage({ database: db, tablePrefix: 'crm_ck_' }), 'crm_ck_', async (sql) => db.exec(sql));
  });

  it('migrates a file opened by two processes at once exactly once', async () => {
    const file = tempFile();
    const migrateInChild = () =>
      run(process.execPath, ['--import', 'tsx', new URL('./_migrateSqliteFile.ts', import.meta.url).pathname, file]).then(
        ({ stdout }) => JSON.parse(stdout) as { applied: number[]; version: number },
      );
    const reports = await Promise.all([migrateInChild(), migrateInChild()]);
    expect(reports.map((report) => report.applied).sort()).toEqual([[], [1, 2]]);
    expect(reports.map((report) => report.version)).toEqual([2, 2]);
  });

  it('keeps documents in the file across connections', async () => {
    const file = tempFile();
    const first = createSqliteStorage({ database: database(file) });
    await first.migrate();
    await first.put({ type: 'task', id: 't1', data: { name: '简报' } }, { expectedVersion: 0 });
    const second = createSqliteStorage({ database: database(file) });
    expect((await second.get('task', 't1'))?.data).toEqual({ name: '简报' });
  });

  it('turns a database locked by another connection into a retryable CONFLICT', async () => {
    const file = tempFile();
    const holder = database(file);
    holder.pragma('journal_mode = WAL');
    const storage = createSqliteStorage({ database: holder });
    await storage.migrate();
    const other = createSqliteStorage({ database: database(file, { timeout: 0 }) });
    await storage.transaction(async (tx) => {
      await tx.put({ type: 'task', id: 't1', data: {} }, { expectedVersion: 0 });
      const error = await failure(other.put({ type: 'task', id: 't2', data: {} }, { expectedVersion: 0 }));
      expect([isCampaignKitError(error, 'CONFLICT'), (error as { details?: unknown }).details]).toEqual([true, { ids: [], reason: 'contention' }]);
    });
    expect((await other.put({ type: 'task', id: 't2', data: {} }, { expectedVersion: 0 })).version).toBe(1);
  });

  it('loses no update when two connections to one file write the same counters', async () => {
    const file = tempFile();
    const a = database(file, { timeout: 0 });
    a.pragma('journal_mode = WAL');
    const first = createSqliteStorage({ database: a });
    await first.migrate();
    const second = createSqliteStorage({ database: database(file, { timeout: 0 }) });
    const report = await runConcurrentWriters({ storages: [first, second, first, second], commandsPerWorker: 50, aggregates: 2, runId: 'run' });
    expect(report.counters.reduce((sum, counter) => sum + counter.count, 0)).toBe(200);
    for (const counter of report.counters) {
      expect(counter.auditVersions).toEqual(Array.from({ length: counter.count }, (_, i) => i + 2));
    }
    expect(report.distinctCommands).toBe(200);
  });

  it('says to run migrate() when the tables do not exist', async () => {
    const error = await failure(createSqliteStorage({ database: database() }).list({ type: 'task' }));
    expect(isCampaignKitError(error, 'STORAGE')).toBe(true);
    expect((error as Error).message).toMatch(/run `await storage.migrate\(\)` first/);
  });

  it('refuses something that is not a better-sqlite3 database', () => {
    expect(() => createSqliteStorage({ database: {} as SqliteDatabase })).toThrow(/expected a better-sqlite3 Database/);
  });
});
