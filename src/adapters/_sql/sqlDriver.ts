/**
 * The seam between the shared SQL storage and one database driver. Each adapter (postgres, mysql,
 * sqlite) wraps the client it receives in a {@link SqlDriver} and describes its SQL differences in
 * a {@link SqlDialect}; everything else is shared.
 */

/** A statement parameter: the only types the storage binds. */
export type SqlValue = string | number | null;

/** A result row, column name → value as the driver returns it. */
export type SqlRow = Readonly<Record<string, unknown>>;

/** What a statement returned. */
export interface SqlResult {
  /** Rows of a query (or of `RETURNING`); empty for other statements. */
  readonly rows: readonly SqlRow[];
  /** Rows inserted, updated or deleted. */
  readonly affected: number;
  /** The auto-increment key of an insert, where the driver reports one (MySQL). */
  readonly insertId: number | null;
}

/** Runs statements written with `?` placeholders (the driver rewrites them if it needs to). */
export interface SqlExecutor {
  query(sql: string, params?: readonly SqlValue[]): Promise<SqlResult>;
}

/** A connection held for a transaction or a migration. */
export interface SqlConnection extends SqlExecutor {
  /** Gives the connection back; `broken` asks the pool to discard it (a rollback failed). */
  release(broken: boolean): void;
}

/** How a driver error should be reported. */
export type SqlErrorKind =
  /** A unique key is taken. */
  | 'duplicate'
  /** Deadlock, serialization failure, busy database: retrying the command is safe. */
  | 'contention'
  /** The campaignkit tables do not exist yet. */
  | 'missing-table'
  /** Anything else. */
  | 'other';

/** A table: columns, primary key and secondary indexes, rendered to DDL by the dialect. */
export interface TableSpec {
  readonly name: string;
  /** Column name and abstract type, in table order. */
  readonly columns: readonly (readonly [name: string, type: ColumnType])[];
  /** Omitted when a `seq` column is the key. */
  readonly primaryKey?: readonly string[];
  readonly indexes: readonly { readonly name: string; readonly columns: readonly string[]; readonly unique?: boolean }[];
}

/** The abstract column types the schema uses; a `?` suffix makes the column nullable. */
export type ColumnType =
  /** Auto-increment integer primary key. */
  | 'seq'
  /** A short identifier compared byte for byte (type names, ids): code point order, case-sensitive. */
  | 'key'
  | 'key?'
  /** Plain text up to a few hundred characters. */
  | 'text'
  | 'text?'
  /** A JSON document. */
  | 'json'
  /** A 64-bit integer. */
  | 'bigint'
  | 'bigint?';

/** The SQL differences between databases, kept to what the storage needs. */
export interface SqlDialect {
  /** `SELECT` expression that returns a JSON column as JSON text. */
  jsonText(column: string): string;
  /**
   * Inserts can end in `ON CONFLICT DO NOTHING` and `RETURNING` (PostgreSQL, SQLite); otherwise
   * duplicates raise errors and keys come back as `insertId` (MySQL).
   */
  readonly upsertAndReturning: boolean;
  /** Suffix of the outbox claim query that skips rows other claimers hold (`FOR UPDATE SKIP LOCKED`), or `''`. */
  readonly skipLocked: string;
  /** Statements that open a transaction. */
  readonly begin: readonly string[];
  /** Renders a table to `CREATE TABLE` / `CREATE INDEX` statements, all idempotent. */
  createTable(table: TableSpec): string[];
  /**
   * Fills the `audit_touches` index from the entries already in the trail: one row per distinct
   * `[type, id]` that starts a patch path (idempotent: rows already there are kept).
   */
  backfillAuditTouches(audit: string, touches: string): string;
  /** Whether DDL runs inside a transaction (PostgreSQL, SQLite) or commits on its own (MySQL). */
  readonly transactionalDdl: boolean;
  /** Takes and gives back the cross-process migration lock on `connection`; `null` when `BEGIN` already serializes writers. */
  readonly migrationLock: {
    acquire(connection: SqlExecutor, name: string): Promise<void>;
    release(connection: SqlExecutor, name: string): Promise<void>;
  } | null;
  /** Classifies a driver error. */
  classify(error: unknown): SqlErrorKind;
  /** Whether the error leaves the open transaction unusable (PostgreSQL: any error). */
  abortsTransaction(error: unknown): boolean;
}

/** One driver: autocommit statements, dedicated connections and its dialect. */
export interface SqlDriver extends SqlExecutor {
  readonly dialect: SqlDialect;
  /** Takes a connection for a transaction or a migration; `release` it when done. */
  connect(): Promise<SqlConnection>;
}

const utf8 = new TextDecoder();

/** Reads a text column that some drivers return as bytes (MySQL `VARBINARY`). */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return utf8.decode(value);
  return String(value);
}

/** Reads a nullable text column. */
export function nullableTextOf(value: unknown): string | null {
  return value === null || value === undefined ? null : textOf(value);
}

/** Reads an integer column that some drivers return as a string or bigint (PostgreSQL `BIGINT`). */
export function numberOf(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}
