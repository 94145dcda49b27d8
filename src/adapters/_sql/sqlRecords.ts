import { isCampaignKitError } from '../../core/errors.js';
import type { Page, RecordKey, StoredRecord } from '../../store/storageAdapter.js';
import { versionConflict } from '../../store/storageErrors.js';
import type { ListCommand, PutCommand } from '../../store/storageInput.js';
import type { TableNames } from './schema.js';
import { nullableTextOf, numberOf, textOf, type SqlDialect, type SqlExecutor, type SqlRow, type SqlValue } from './sqlDriver.js';

/**
 * Documents in SQL: every statement keyed by (type, id) and guarded by the version column. A
 * delete keeps the row as a tombstone (data and campaign cleared, version negated), so a later
 * create of the id continues from the deleted version: a version never names two different states
 * of one id. Reads see only rows with a positive version.
 */

/** What the statements need to know. */
export interface SqlContext {
  readonly dialect: SqlDialect;
  readonly tables: TableNames;
  /** Milliseconds since the epoch, from the adapter's clock. */
  now(): number;
}

// getMany asks in chunks so no database hits its limit on bound parameters.
const CHUNK = 500;

function columns(dialect: SqlDialect): string {
  return `type, id, campaign_id, version, ${dialect.jsonText('data')} AS data, updated_at`;
}

function toRecord(row: SqlRow): StoredRecord {
  return {
    type: textOf(row['type']),
    id: textOf(row['id']),
    campaignId: nullableTextOf(row['campaign_id']),
    version: numberOf(row['version']),
    data: JSON.parse(textOf(row['data'])) as unknown,
    updatedAt: textOf(row['updated_at']),
  };
}

/** True when `error` (or the error it wraps) is a unique-key violation. */
export function isDuplicate(dialect: SqlDialect, error: unknown): boolean {
  return dialect.classify(isCampaignKitError(error) ? error.cause : error) === 'duplicate';
}

/** The stored document, or `null`. */
export async function getRecord(ctx: SqlContext, exec: SqlExecutor, key: RecordKey): Promise<StoredRecord | null> {
  const { rows } = await exec.query(`SELECT ${columns(ctx.dialect)} FROM ${ctx.tables.records} WHERE type = ? AND id = ? AND version > 0`, [
    key.type,
    key.id,
  ]);
  const [row] = rows;
  return row ? toRecord(row) : null;
}

/** The documents with these ids, in the order asked. */
export async function getRecords(
  ctx: SqlContext,
  exec: SqlExecutor,
  type: string,
  ids: readonly string[],
): Promise<(StoredRecord | null)[]> {
  const unique = [...new Set(ids)];
  const found = new Map<string, StoredRecord>();
  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK);
    const { rows } = await exec.query(
      `SELECT ${columns(ctx.dialect)} FROM ${ctx.tables.records} WHERE type = ? AND id IN (${chunk.map(() => '?').join(', ')}) AND version > 0`,
      [type, ...chunk],
    );
    for (const row of rows) {
      const record = toRecord(row);
      found.set(record.id, record);
    }
  }
  return ids.map((id) => found.get(id) ?? null);
}

/** One page of documents by id. */
export async function listRecords(ctx: SqlContext, exec: SqlExecutor, query: ListCommand): Promise<Page<StoredRecord>> {
  const where = ['type = ?', 'version > 0'];
  const params: SqlValue[] = [query.type];
  if (query.campaignId !== undefined) {
    where.push('campaign_id = ?');
    params.push(query.campaignId);
  }
  if (query.cursor !== undefined) {
    where.push('id > ?');
    params.push(query.cursor);
  }
  // One row more than asked tells whether another page follows.
  params.push(query.limit + 1);
  const { rows } = await exec.query(
    `SELECT ${columns(ctx.dialect)} FROM ${ctx.tables.records} WHERE ${where.join(' AND ')} ORDER BY id LIMIT ?`,
    params,
  );
  const items = rows.slice(0, query.limit).map(toRecord);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? last.id : null };
}

/** Creates or updates a document at the expected version; 0 rows touched means a conflict. */
export async function putRecord(ctx: SqlContext, exec: SqlExecutor, command: PutCommand): Promise<StoredRecord> {
  const { type, id, campaignId, json, expectedVersion } = command;
  const updatedAt = new Date(ctx.now()).toISOString();
  const t = ctx.tables.records;
  let written: boolean;
  if (expectedVersion === 0) {
    // The primary key decides between concurrent creators: the loser sees no row inserted
    // (ON CONFLICT DO NOTHING) or a duplicate-key error (MySQL).
    const onConflict = ctx.dialect.upsertAndReturning ? ' ON CONFLICT DO NOTHING' : '';
    try {
      const result = await exec.query(
        `INSERT INTO ${t} (type, id, campaign_id, version, data, updated_at) VALUES (?, ?, ?, 1, ?, ?)${onConflict}`,
        [type, id, campaignId, json, updatedAt],
      );
      written = result.affected === 1;
    } catch (error) {
      if (!isDuplicate(ctx.dialect, error)) throw error;
      written = false;
    }
    if (!written) {
      const version = await reviveTombstone(ctx, exec, command, updatedAt);
      if (version !== null) return { type, id, campaignId, version, data: JSON.parse(json) as unknown, updatedAt };
    }
  } else {
    // The version predicate is evaluated on the latest committed row under its row lock, so two
    // writers holding the same version cannot both succeed.
    const result = await exec.query(
      `UPDATE ${t} SET campaign_id = ?, version = version + 1, data = ?, updated_at = ? WHERE type = ? AND id = ? AND version = ?`,
      [campaignId, json, updatedAt, type, id, expectedVersion],
    );
    written = result.affected === 1;
  }
  if (!written) throw await conflict(ctx, exec, command, expectedVersion);
  return { type, id, campaignId, version: expectedVersion + 1, data: JSON.parse(json) as unknown, updatedAt };
}

/**
 * Creates a document over the tombstone of a deleted one, continuing its version; `null` when the
 * row is a live document (the caller reports the conflict). The update is guarded by the
 * tombstone's version, so of two concurrent creators only one succeeds.
 */
async function reviveTombstone(ctx: SqlContext, exec: SqlExecutor, command: PutCommand, updatedAt: string): Promise<number | null> {
  const t = ctx.tables.records;
  const { rows } = await exec.query(`SELECT version FROM ${t} WHERE type = ? AND id = ?`, [command.type, command.id]);
  const [row] = rows;
  const stored = row ? numberOf(row['version']) : 0;
  if (stored >= 0) return null;
  const version = -stored + 1;
  const result = await exec.query(
    `UPDATE ${t} SET campaign_id = ?, version = ?, data = ?, updated_at = ? WHERE type = ? AND id = ? AND version = ?`,
    [command.campaignId, version, command.json, updatedAt, command.type, command.id, stored],
  );
  return result.affected === 1 ? version : null;
}

/** Deletes a document at the expected version, leaving its tombstone. */
export async function deleteRecord(ctx: SqlContext, exec: SqlExecutor, key: RecordKey, expectedVersion: number): Promise<void> {
  const result = await exec.query(
    `UPDATE ${ctx.tables.records} SET campaign_id = NULL, version = ?, data = ?, updated_at = ? WHERE type = ? AND id = ? AND version = ?`,
    [-(expectedVersion + 1), 'null', new Date(ctx.now()).toISOString(), key.type, key.id, expectedVersion],
  );
  if (result.affected !== 1) throw await conflict(ctx, exec, key, expectedVersion);
}

async function conflict(ctx: SqlContext, exec: SqlExecutor, key: RecordKey, expectedVersion: number) {
  const { rows } = await exec.query(`SELECT version FROM ${ctx.tables.records} WHERE type = ? AND id = ? AND version > 0`, [key.type, key.id]);
  const [row] = rows;
  return versionConflict({ type: key.type, id: key.id }, expectedVersion, row ? numberOf(row['version']) : null);
}
