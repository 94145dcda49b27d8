import { migrationsTable, tableNames, type Migration } from './schema.js';
import { numberOf, type SqlDriver } from './sqlDriver.js';

/** What `migrate()` did. */
export interface MigrationReport {
  /** Versions applied by this call, in order (empty when the schema was up to date). */
  readonly applied: readonly number[];
  /** The schema version now recorded in the database. */
  readonly version: number;
}

/**
 * Applies the migrations not yet recorded, in order, on one connection. A database lock
 * (PostgreSQL advisory lock, MySQL `GET_LOCK`; SQLite's `BEGIN IMMEDIATE`) keeps concurrent callers
 * out, and each migration re-checks the record inside its transaction, so two app servers starting
 * at once apply every migration exactly once. Where DDL is transactional (PostgreSQL, SQLite) a
 * failed migration leaves nothing behind; on MySQL every statement is idempotent, so running
 * `migrate()` again completes a migration that stopped half-way.
 */
export async function runMigrations(
  driver: SqlDriver,
  all: readonly Migration[],
  prefix: string,
  now: () => number,
): Promise<MigrationReport> {
  const { dialect } = driver;
  const table = tableNames(prefix).migrations;
  const lockName = `campaignkit:${prefix}`;
  const connection = await driver.connect();
  let broken = false;
  try {
    await dialect.migrationLock?.acquire(connection, lockName);
    try {
      for (const statement of dialect.createTable(migrationsTable(prefix))) await connection.query(statement);
      const applied: number[] = [];
      for (const migration of all) {
        if (dialect.transactionalDdl) for (const statement of dialect.begin) await connection.query(statement);
        try {
          const done = await connection.query(`SELECT version FROM ${table} WHERE version = ?`, [migration.version]);
          if (done.rows.length === 0) {
            for (const statement of migration.statements) await connection.query(statement);
            await connection.query(`INSERT INTO ${table} (version, name, applied_at) VALUES (?, ?, ?)`, [
              migration.version,
              migration.name,
              new Date(now()).toISOString(),
            ]);
            applied.push(migration.version);
          }
          if (dialect.transactionalDdl) await connection.query('COMMIT');
        } catch (error) {
          if (dialect.transactionalDdl) await connection.query('ROLLBACK').catch(() => (broken = true));
          throw error;
        }
      }
      const { rows } = await connection.query(`SELECT MAX(version) AS version FROM ${table}`);
      return { applied, version: numberOf(rows[0]?.['version'] ?? 0) };
    } finally {
      await dialect.migrationLock?.release(connection, lockName);
    }
  } finally {
    connection.release(broken);
  }
}
