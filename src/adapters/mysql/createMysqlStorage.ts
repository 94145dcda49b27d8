import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { createSqlStorage, SqlStorageOptionsSchema, type SqlStorage, type SqlStorageOptions } from '../_sql/createSqlStorage.js';
import { numberOf, type SqlDriver, type SqlResult, type SqlRow, type SqlValue } from '../_sql/sqlDriver.js';
import { mysqlDialect } from './mysqlDialect.js';

/** The part of a `mysql2/promise` connection the adapter uses. */
export interface MysqlQueryable {
  /** Runs a statement with `?` placeholders; resolves to `[rows or result header, fields]`. */
  query(sql: string, values?: SqlValue[]): Promise<[unknown, unknown]>;
}

/** The part of a `mysql2/promise` `PoolConnection` the adapter uses. */
export interface MysqlPoolConnection extends MysqlQueryable {
  /** Returns the connection to the pool. */
  release(): void;
  /** Closes the connection instead (after a failed rollback). */
  destroy(): void;
}

/** The part of a `mysql2/promise` `Pool` the adapter uses; `mysql.createPool(...)` fits. */
export interface MysqlPool extends MysqlQueryable {
  /** Checks a connection out for a transaction. */
  getConnection(): Promise<MysqlPoolConnection>;
}

/** Options of {@link createMysqlStorage}. */
export interface MysqlStorageOptions extends SqlStorageOptions {
  /** Your `mysql2/promise` pool; campaignkit never creates or ends it. */
  readonly pool: MysqlPool;
}

const OptionsSchema = SqlStorageOptionsSchema.extend({
  /** A mysql2 promise pool. */
  pool: z.custom<MysqlPool>(
    (value) => typeof (value as MysqlPool | undefined)?.query === 'function' && typeof (value as MysqlPool).getConnection === 'function',
    "expected a mysql2 promise pool (import mysql from 'mysql2/promise'; mysql.createPool(url))",
  ),
});

function toResult([result]: [unknown, unknown]): SqlResult {
  if (Array.isArray(result)) return { rows: result as SqlRow[], affected: 0, insertId: null };
  const header = result as { affectedRows?: unknown; insertId?: unknown };
  return { rows: [], affected: numberOf(header.affectedRows ?? 0), insertId: header.insertId ? numberOf(header.insertId) : null };
}

/**
 * Storage on MySQL 8.0.1+ or MariaDB 10.6+ through your `mysql2/promise` pool. Call `migrate()`
 * once at start-up. Deadlocks and lock wait timeouts surface as a retryable `CONFLICT`.
 *
 * @example
 * ```ts
 * import mysql from 'mysql2/promise';
 * import { createMysqlStorage } from 'campaignkit/adapters/mysql';
 *
 * const storage = createMysqlStorage({ pool: mysql.createPool('mysql://app@db/crm') });
 * await storage.migrate(); // { applied: [1], version: 1 } on an empty database
 * ```
 */
export function createMysqlStorage(options: MysqlStorageOptions): SqlStorage {
  const { pool, ...rest } = parseInput(OptionsSchema, options, 'mysql storage options');
  const driver: SqlDriver = {
    dialect: mysqlDialect,
    query: async (sql, params = []) => toResult(await pool.query(sql, [...params])),
    async connect() {
      const connection = await pool.getConnection();
      return {
        query: async (sql, params = []) => toResult(await connection.query(sql, [...params])),
        release: (broken) => (broken ? connection.destroy() : connection.release()),
      };
    },
  };
  return createSqlStorage(driver, rest);
}
