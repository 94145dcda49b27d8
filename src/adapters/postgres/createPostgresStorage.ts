import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { createSqlStorage, SqlStorageOptionsSchema, type SqlStorage, type SqlStorageOptions } from '../_sql/createSqlStorage.js';
import type { SqlDriver, SqlResult, SqlRow, SqlValue } from '../_sql/sqlDriver.js';
import { numberPlaceholders, postgresDialect } from './postgresDialect.js';

/** The part of a `pg` query result the adapter reads. */
export interface PostgresQueryResult {
  /** Result rows. */
  readonly rows: readonly SqlRow[];
  /** Rows affected, or `null` for statements that report none. */
  readonly rowCount: number | null;
}

/** The part of a `pg` `PoolClient` the adapter uses. */
export interface PostgresPoolClient {
  /** Runs a statement with `$n` placeholders. */
  query(text: string, values?: SqlValue[]): Promise<PostgresQueryResult>;
  /** Returns the client to the pool; `true` destroys it instead. */
  release(destroy?: boolean): void;
  /**
   * pg emits `error` on a checked-out client whose connection drops between statements; with no
   * listener that would crash the process, so the adapter listens while it holds the client.
   */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  /** Removes the listener when the client goes back to the pool. */
  removeListener?(event: 'error', listener: (error: Error) => void): unknown;
}

/** The part of a `pg` `Pool` the adapter uses; a `new pg.Pool(...)` fits. */
export interface PostgresPool {
  /** Runs a statement on any idle client. */
  query(text: string, values?: SqlValue[]): Promise<PostgresQueryResult>;
  /** Checks a client out for a transaction. */
  connect(): Promise<PostgresPoolClient>;
}

/** Options of {@link createPostgresStorage}. */
export interface PostgresStorageOptions extends SqlStorageOptions {
  /** Your `pg` pool; campaignkit never creates or ends it. */
  readonly pool: PostgresPool;
}

const OptionsSchema = SqlStorageOptionsSchema.extend({
  /** A pg Pool. */
  pool: z.custom<PostgresPool>(
    (value) => typeof (value as PostgresPool | undefined)?.query === 'function' && typeof (value as PostgresPool).connect === 'function',
    'expected a pg Pool (new pg.Pool({ connectionString }))',
  ),
});

function toResult(result: PostgresQueryResult): SqlResult {
  return { rows: result.rows, affected: result.rowCount ?? 0, insertId: null };
}

/**
 * Storage on PostgreSQL 12+ through your `pg` pool. Call `migrate()` once at start-up to create
 * or upgrade the tables. Outbox claims use `FOR UPDATE SKIP LOCKED`, so every app server can run
 * a relay.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { createPostgresStorage } from 'campaignkit/adapters/postgres';
 *
 * const storage = createPostgresStorage({ pool: new pg.Pool({ connectionString: process.env.DATABASE_URL }) });
 * await storage.migrate(); // { applied: [1], version: 1 } on an empty database
 * ```
 */
export function createPostgresStorage(options: PostgresStorageOptions): SqlStorage {
  const { pool, ...rest } = parseInput(OptionsSchema, options, 'postgres storage options');
  const driver: SqlDriver = {
    dialect: postgresDialect,
    query: async (sql, params = []) => toResult(await pool.query(numberPlaceholders(sql), [...params])),
    async connect() {
      const client = await pool.connect();
      let lost = false;
      const onError = () => {
        lost = true;
      };
      client.on?.('error', onError);
      return {
        query: async (sql, params = []) => toResult(await client.query(numberPlaceholders(sql), [...params])),
        release: (broken) => {
          client.removeListener?.('error', onError);
          // A client whose connection dropped must not go back to the pool.
          client.release(broken || lost);
        },
      };
    },
  };
  return createSqlStorage(driver, rest);
}
