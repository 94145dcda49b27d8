import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { createMutex } from '../../store/createMutex.js';
import { createSqlStorage, SqlStorageOptionsSchema, type SqlStorage, type SqlStorageOptions } from '../_sql/createSqlStorage.js';
import { numberOf, type SqlConnection, type SqlDriver, type SqlResult, type SqlRow, type SqlValue } from '../_sql/sqlDriver.js';
import { sqliteDialect } from './sqliteDialect.js';

/** The part of a better-sqlite3 `Statement` the adapter uses. */
export interface SqliteStatement {
  /** Whether the statement returns rows (a query or `RETURNING`). */
  readonly reader: boolean;
  /** Runs a statement that returns rows. */
  all(...params: SqlValue[]): unknown[];
  /** Runs a statement that returns none. */
  run(...params: SqlValue[]): { changes: number; lastInsertRowid: number | bigint };
}

/** The part of a better-sqlite3 `Database` the adapter uses; `new Database(file)` fits. */
export interface SqliteDatabase {
  /** Compiles a statement. */
  prepare(source: string): SqliteStatement;
}

/** Options of {@link createSqliteStorage}. */
export interface SqliteStorageOptions extends SqlStorageOptions {
  /** Your better-sqlite3 database; campaignkit never opens or closes it. */
  readonly database: SqliteDatabase;
}

const OptionsSchema = SqlStorageOptionsSchema.extend({
  /** A better-sqlite3 Database. */
  database: z.custom<SqliteDatabase>(
    (value) => typeof (value as SqliteDatabase | undefined)?.prepare === 'function',
    "expected a better-sqlite3 Database (import Database from 'better-sqlite3'; new Database(file))",
  ),
});

/**
 * Storage in a SQLite file through your better-sqlite3 (12.x) database: the embedded choice when
 * the data must survive a restart but there is no database server. better-sqlite3 is synchronous;
 * the adapter keeps the async interface and lets one transaction at a time use the connection,
 * so callers awaiting in between never see or join another caller's transaction.
 *
 * @example
 * ```ts
 * import Database from 'better-sqlite3';
 * import { createSqliteStorage } from 'campaignkit/adapters/sqlite';
 *
 * const database = new Database('campaigns.db');
 * database.pragma('journal_mode = WAL');
 * const storage = createSqliteStorage({ database });
 * await storage.migrate(); // { applied: [1], version: 1 } on a new file
 * ```
 */
export function createSqliteStorage(options: SqliteStorageOptions): SqlStorage {
  const { database, ...rest } = parseInput(OptionsSchema, options, 'sqlite storage options');
  const statements = new Map<string, SqliteStatement>();
  const execute = (sql: string, params: readonly SqlValue[] = []): SqlResult => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = database.prepare(sql)));
    if (statement.reader) return { rows: statement.all(...params) as SqlRow[], affected: 0, insertId: null };
    const { changes, lastInsertRowid } = statement.run(...params);
    return { rows: [], affected: changes, insertId: numberOf(lastInsertRowid) };
  };
  // One connection: a statement outside a transaction must wait, or it would run inside one.
  const mutex = createMutex();
  const driver: SqlDriver = {
    dialect: sqliteDialect,
    query: (sql, params) => mutex.run(async () => execute(sql, params)),
    connect: () =>
      new Promise<SqlConnection>((resolve) => {
        void mutex.run(
          () =>
            new Promise<void>((release) => {
              resolve({ query: async (sql, params) => execute(sql, params), release: () => release() });
            }),
        );
      }),
  };
  return createSqlStorage(driver, rest);
}
