import { renderTable } from '../_sql/renderTable.js';
import type { SqlDialect, SqlErrorKind } from '../_sql/sqlDriver.js';

/**
 * SQLite 3.35+ (for `RETURNING`; better-sqlite3 12 bundles a newer one). One writer at a time:
 * `BEGIN IMMEDIATE` takes the write lock up front, so a transaction never fails half-way to upgrade
 * it, and outbox claims need no row locks. Text compares byte for byte by default (BINARY).
 */

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function classify(error: unknown): SqlErrorKind {
  const code = sqliteCode(error);
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return 'duplicate';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'contention';
  if (code === 'SQLITE_ERROR' && /no such table/.test(String((error as Error).message))) return 'missing-table';
  return 'other';
}

/** The SQLite dialect. */
export const sqliteDialect: SqlDialect = {
  jsonText: (column) => column,
  backfillAuditTouches: (audit, touches) =>
    `INSERT OR IGNORE INTO ${touches} (record_type, record_id, seq) SELECT DISTINCT json_extract(p.value, '$.path[0]'), json_extract(p.value, '$.path[1]'), a.seq ` +
    `FROM ${audit} a, json_each(a.patches) p WHERE json_type(p.value, '$.path[0]') = 'text' AND json_type(p.value, '$.path[1]') = 'text'`,
  upsertAndReturning: true,
  skipLocked: '',
  begin: ['BEGIN IMMEDIATE'],
  transactionalDdl: true,
  createTable: (table) =>
    renderTable(table, {
      inlineIndexes: false,
      types: {
        // AUTOINCREMENT never reuses a deleted key, so an audit or outbox cursor stays valid.
        seq: 'INTEGER PRIMARY KEY AUTOINCREMENT',
        key: 'TEXT NOT NULL',
        'key?': 'TEXT',
        text: 'TEXT NOT NULL',
        'text?': 'TEXT',
        json: 'TEXT NOT NULL',
        bigint: 'INTEGER NOT NULL',
        'bigint?': 'INTEGER',
      },
    }),
  // BEGIN IMMEDIATE already admits one writer (and so one migrating process) at a time.
  migrationLock: null,
  classify,
  // Constraint and statement errors undo one statement; busy, I/O or full-disk errors may end the transaction.
  abortsTransaction: (error) => classify(error) === 'contention' || /^SQLITE_(FULL|IOERR|NOMEM|CORRUPT|NOTADB)/.test(sqliteCode(error)),
};
