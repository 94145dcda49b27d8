import type { SqlDialect, TableSpec } from './sqlDriver.js';

/**
 * The database schema as versioned migrations. Version 1 creates the three tables; later versions
 * append statements and are never edited once released, so a database at version n upgrades by
 * running n+1, n+2, … in order.
 */

/** One schema change. */
export interface Migration {
  /** 1, 2, 3, … in the order they apply. */
  readonly version: number;
  /** What it does, stored alongside the version. */
  readonly name: string;
  /** The SQL it runs, in order; each statement is idempotent. */
  readonly statements: readonly string[];
}

/** The table names for a prefix. */
export interface TableNames {
  readonly records: string;
  readonly audit: string;
  readonly outbox: string;
  readonly migrations: string;
  readonly auditTouches: string;
}

/** Table names: the prefix followed by `records`, `audit`, `outbox`, `migrations`, `audit_touches`. */
export function tableNames(prefix: string): TableNames {
  return { records: `${prefix}records`, audit: `${prefix}audit`, outbox: `${prefix}outbox`, migrations: `${prefix}migrations`, auditTouches: `${prefix}audit_touches` };
}

/** The table that records which migrations ran. */
export function migrationsTable(prefix: string): TableSpec {
  return {
    name: tableNames(prefix).migrations,
    columns: [
      ['version', 'bigint'],
      ['name', 'text'],
      ['applied_at', 'text'],
    ],
    primaryKey: ['version'],
    indexes: [],
  };
}

/** Every migration, in order, rendered for a dialect and a table prefix. */
export function migrations(dialect: SqlDialect, prefix: string): Migration[] {
  const t = tableNames(prefix);
  const records: TableSpec = {
    name: t.records,
    columns: [
      ['type', 'key'],
      ['id', 'key'],
      ['campaign_id', 'key?'],
      ['version', 'bigint'],
      ['data', 'json'],
      ['updated_at', 'text'],
    ],
    primaryKey: ['type', 'id'],
    // list(): WHERE type = ? [AND campaign_id = ?] AND id > ? ORDER BY id
    indexes: [{ name: `${t.records}_campaign`, columns: ['type', 'campaign_id', 'id'] }],
  };
  const audit: TableSpec = {
    name: t.audit,
    columns: [
      ['seq', 'seq'],
      ['id', 'key'],
      ['command_id', 'key'],
      ['occurred_at', 'text'],
      ['actor', 'key'],
      ['command', 'text'],
      ['aggregate_type', 'key'],
      ['aggregate_id', 'key'],
      ['campaign_id', 'key?'],
      ['version', 'bigint'],
      ['patches', 'json'],
      ['inverse_patches', 'json'],
    ],
    // readAudit(): one index per filter, each ending in seq for the ORDER BY and the cursor.
    indexes: [
      { name: `${t.audit}_id`, columns: ['id'], unique: true },
      { name: `${t.audit}_campaign`, columns: ['campaign_id', 'seq'] },
      { name: `${t.audit}_aggregate`, columns: ['aggregate_type', 'aggregate_id', 'seq'] },
      { name: `${t.audit}_actor`, columns: ['actor', 'seq'] },
      { name: `${t.audit}_command`, columns: ['command_id', 'seq'] },
    ],
  };
  const outbox: TableSpec = {
    name: t.outbox,
    columns: [
      ['seq', 'seq'],
      ['event_id', 'key'],
      ['event_type', 'text'],
      ['payload', 'json'],
      ['status', 'text'],
      ['attempts', 'bigint'],
      ['claimed_by', 'key?'],
      ['claimed_until', 'bigint?'],
      ['created_at', 'text'],
      ['sent_at', 'text?'],
    ],
    indexes: [
      { name: `${t.outbox}_event`, columns: ['event_id'], unique: true },
      // claimOutbox(): WHERE status = 'pending' … ORDER BY seq
      { name: `${t.outbox}_status`, columns: ['status', 'seq'] },
    ],
  };
  // readAudit({ touches }): every record an entry's patches change, so a history needs no scan.
  const touches: TableSpec = {
    name: t.auditTouches,
    columns: [
      ['record_type', 'key'],
      ['record_id', 'key'],
      ['seq', 'bigint'],
    ],
    primaryKey: ['record_type', 'record_id', 'seq'],
    indexes: [],
  };
  return [
    {
      version: 1,
      name: 'documents, audit trail and outbox',
      statements: [records, audit, outbox].flatMap((table) => dialect.createTable(table)),
    },
    {
      version: 2,
      name: 'index of the records each audit entry changed',
      statements: [...dialect.createTable(touches), dialect.backfillAuditTouches(t.audit, t.auditTouches)],
    },
  ];
}
