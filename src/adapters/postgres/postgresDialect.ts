import { renderTable } from '../_sql/renderTable.js';
import type { SqlDialect, SqlErrorKind } from '../_sql/sqlDriver.js';

/**
 * PostgreSQL: `jsonb` documents, `COLLATE "C"` keys (byte order = code point order, case-sensitive),
 * identity columns, `ON CONFLICT DO NOTHING … RETURNING`, `FOR UPDATE SKIP LOCKED` and advisory
 * locks. Any error aborts a PostgreSQL transaction until it rolls back.
 */

// SQLSTATE codes: https://www.postgresql.org/docs/current/errcodes-appendix.html
const DUPLICATE = new Set(['23505']);
const CONTENTION = new Set(['40001', '40P01', '55P03']);
const MISSING_TABLE = new Set(['42P01']);

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function classify(error: unknown): SqlErrorKind {
  const code = sqlState(error);
  if (code === undefined) return 'other';
  if (DUPLICATE.has(code)) return 'duplicate';
  if (CONTENTION.has(code)) return 'contention';
  if (MISSING_TABLE.has(code)) return 'missing-table';
  return 'other';
}

/** The PostgreSQL dialect. */
export const postgresDialect: SqlDialect = {
  jsonText: (column) => `${column}::text`,
  backfillAuditTouches: (audit, touches) =>
    `INSERT INTO ${touches} (record_type, record_id, seq) SELECT DISTINCT p->'path'->>0, p->'path'->>1, a.seq FROM ${audit} a ` +
    `CROSS JOIN LATERAL jsonb_array_elements(a.patches) p WHERE jsonb_typeof(p->'path'->0) = 'string' AND jsonb_typeof(p->'path'->1) = 'string' ON CONFLICT DO NOTHING`,
  upsertAndReturning: true,
  skipLocked: ' FOR UPDATE SKIP LOCKED',
  // Stated rather than inherited so the semantics do not depend on the server's default.
  begin: ['BEGIN ISOLATION LEVEL READ COMMITTED'],
  transactionalDdl: true,
  createTable: (table) =>
    renderTable(table, {
      inlineIndexes: false,
      types: {
        seq: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
        key: 'TEXT COLLATE "C" NOT NULL',
        'key?': 'TEXT COLLATE "C"',
        text: 'TEXT NOT NULL',
        'text?': 'TEXT',
        json: 'JSONB NOT NULL',
        bigint: 'BIGINT NOT NULL',
        'bigint?': 'BIGINT',
      },
    }),
  migrationLock: {
    async acquire(connection, name) {
      await connection.query('SELECT pg_advisory_lock(hashtext(?))', [name]);
    },
    async release(connection, name) {
      await connection.query('SELECT pg_advisory_unlock(hashtext(?))', [name]);
    },
  },
  classify,
  abortsTransaction: () => true,
};

/** Rewrites `?` placeholders to PostgreSQL's `$1, $2, …` (the storage's SQL has no `?` in literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
