import { storageFailure } from '../../store/storageErrors.js';
import { renderTable } from '../_sql/renderTable.js';
import { numberOf, type SqlDialect, type SqlErrorKind } from '../_sql/sqlDriver.js';

/**
 * MySQL 8.0.1+ and MariaDB 10.6+ (the first versions with `SKIP LOCKED`). Keys are `VARBINARY`,
 * compared byte for byte: the default collations ignore case, and MariaDB's `_bin` collations
 * ignore trailing spaces, either of which would merge two distinct ids. Documents are `LONGTEXT`
 * (MariaDB's `JSON` is an alias of it; MySQL's would reorder keys and return parsed values).
 * Transactions run at READ COMMITTED, as on PostgreSQL: every statement sees the latest committed
 * rows and locking reads take no gap locks.
 */

// Server error numbers: https://mariadb.com/kb/en/mariadb-error-code-reference/
const DUPLICATE = new Set([1062]);
// 1213 deadlock (the transaction is rolled back), 1205 lock wait timeout, 1020 record changed
// since it was read (MariaDB 11.8+ snapshot isolation).
const CONTENTION = new Set([1213, 1205, 1020]);
const MISSING_TABLE = new Set([1146]);

function errno(error: unknown): number | undefined {
  const value = (error as { errno?: unknown } | null)?.errno;
  return typeof value === 'number' ? value : undefined;
}

function classify(error: unknown): SqlErrorKind {
  const code = errno(error);
  if (code === undefined) return 'other';
  if (DUPLICATE.has(code)) return 'duplicate';
  if (CONTENTION.has(code)) return 'contention';
  if (MISSING_TABLE.has(code)) return 'missing-table';
  return 'other';
}

/** The MySQL / MariaDB dialect. */
export const mysqlDialect: SqlDialect = {
  jsonText: (column) => column,
  backfillAuditTouches: (audit, touches) =>
    `INSERT IGNORE INTO ${touches} (record_type, record_id, seq) SELECT DISTINCT j.record_type, j.record_id, a.seq FROM ${audit} a, ` +
    `JSON_TABLE(a.patches, '$[*]' COLUMNS (record_type VARCHAR(200) CHARACTER SET utf8mb4 PATH '$.path[0]', record_id VARCHAR(200) CHARACTER SET utf8mb4 PATH '$.path[1]')) j ` +
    `WHERE JSON_TYPE(JSON_EXTRACT(a.patches, '$')) = 'ARRAY' AND j.record_type IS NOT NULL AND j.record_id IS NOT NULL`,
  upsertAndReturning: false,
  skipLocked: ' FOR UPDATE SKIP LOCKED',
  begin: ['SET TRANSACTION ISOLATION LEVEL READ COMMITTED', 'START TRANSACTION'],
  transactionalDdl: false,
  createTable: (table) =>
    renderTable(table, {
      inlineIndexes: true,
      tableOptions: 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin',
      types: {
        seq: 'BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY',
        // 200 UTF-16 code units take at most 600 UTF-8 bytes; keys stay under InnoDB's 3072-byte limit.
        key: 'VARBINARY(800) NOT NULL',
        'key?': 'VARBINARY(800) NULL',
        text: 'VARCHAR(400) NOT NULL',
        'text?': 'VARCHAR(400) NULL',
        json: 'LONGTEXT NOT NULL',
        bigint: 'BIGINT NOT NULL',
        'bigint?': 'BIGINT NULL',
      },
    }),
  migrationLock: {
    async acquire(connection, name) {
      const { rows } = await connection.query('SELECT GET_LOCK(?, 60) AS acquired', [name]);
      if (numberOf(rows[0]?.['acquired']) !== 1) {
        throw storageFailure(`another process held the migration lock ${name} for 60 s; try migrate() again`);
      }
    },
    async release(connection, name) {
      await connection.query('SELECT RELEASE_LOCK(?) AS released', [name]);
    },
  },
  classify,
  // A deadlock rolls the transaction back; a lost connection takes it with it.
  abortsTransaction: (error) => classify(error) === 'contention' || (error as { fatal?: unknown } | null)?.fatal === true,
};
