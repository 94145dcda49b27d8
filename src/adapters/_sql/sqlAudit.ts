import type { AuditEntry, AuditPatch, Page } from '../../store/storageAdapter.js';
import { duplicateId } from '../../store/storageErrors.js';
import type { AuditCommand, AuditQueryCommand } from '../../store/storageInput.js';
import { isDuplicate, type SqlContext } from './sqlRecords.js';
import { nullableTextOf, numberOf, textOf, type SqlExecutor, type SqlRow, type SqlValue } from './sqlDriver.js';

/** The audit trail in SQL: an append-only table read through one index per filter. */

function toEntry(row: SqlRow): AuditEntry {
  return {
    seq: numberOf(row['seq']),
    id: textOf(row['id']),
    commandId: textOf(row['command_id']),
    at: textOf(row['occurred_at']),
    actor: textOf(row['actor']),
    command: textOf(row['command']),
    aggregate: {
      type: textOf(row['aggregate_type']),
      id: textOf(row['aggregate_id']),
      campaignId: nullableTextOf(row['campaign_id']),
    },
    version: numberOf(row['version']),
    patches: JSON.parse(textOf(row['patches'])) as AuditPatch[],
    inversePatches: JSON.parse(textOf(row['inverse_patches'])) as AuditPatch[],
  };
}

const TOUCH_BATCH = 500;

/** Appends one entry (and the records it touches) and returns it with the `seq` the database gave it. */
export async function appendAudit(ctx: SqlContext, exec: SqlExecutor, command: AuditCommand): Promise<AuditEntry> {
  const { entry } = command;
  const returning = ctx.dialect.upsertAndReturning ? ' ON CONFLICT (id) DO NOTHING RETURNING seq' : '';
  let seq: number | null;
  try {
    const result = await exec.query(
      `INSERT INTO ${ctx.tables.audit} (id, command_id, occurred_at, actor, command, aggregate_type, aggregate_id, ` +
        `campaign_id, version, patches, inverse_patches) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)${returning}`,
      [
        entry.id,
        entry.commandId,
        entry.at,
        entry.actor,
        entry.command,
        entry.aggregate.type,
        entry.aggregate.id,
        entry.aggregate.campaignId,
        entry.version,
        command.patchesJson,
        command.inversePatchesJson,
      ],
    );
    const [row] = result.rows;
    seq = ctx.dialect.upsertAndReturning ? (row ? numberOf(row['seq']) : null) : result.insertId;
  } catch (error) {
    if (!isDuplicate(ctx.dialect, error)) throw error;
    seq = null;
  }
  if (seq === null) throw duplicateId('audit entry', entry.id);
  // In batches, well below every driver's limit on parameters per statement.
  for (let start = 0; start < command.touched.length; start += TOUCH_BATCH) {
    const batch = command.touched.slice(start, start + TOUCH_BATCH);
    await exec.query(`INSERT INTO ${ctx.tables.auditTouches} (record_type, record_id, seq) VALUES ${batch.map(() => '(?, ?, ?)').join(', ')}`, batch.flatMap((key) => [key.type, key.id, seq]));
  }
  return { ...entry, seq };
}

/** One page of the trail. */
export async function readAudit(ctx: SqlContext, exec: SqlExecutor, query: AuditQueryCommand): Promise<Page<AuditEntry>> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const filter = (condition: string, value: SqlValue | undefined) => {
    if (value === undefined) return;
    where.push(condition);
    params.push(value);
  };
  filter('campaign_id = ?', query.campaignId);
  filter('aggregate_type = ?', query.aggregate?.type);
  filter('aggregate_id = ?', query.aggregate?.id);
  filter('actor = ?', query.actor);
  if (query.touches !== undefined) {
    where.push(`seq IN (SELECT seq FROM ${ctx.tables.auditTouches} WHERE record_type = ? AND record_id = ?)`);
    params.push(query.touches.type, query.touches.id);
  }
  filter('command_id = ?', query.commandId);
  filter(query.order === 'asc' ? 'seq > ?' : 'seq < ?', query.cursor);
  params.push(query.limit + 1);
  const { dialect, tables } = ctx;
  const { rows } = await exec.query(
    `SELECT seq, id, command_id, occurred_at, actor, command, aggregate_type, aggregate_id, campaign_id, version, ` +
      `${dialect.jsonText('patches')} AS patches, ${dialect.jsonText('inverse_patches')} AS inverse_patches FROM ${tables.audit}` +
      `${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq ${query.order === 'asc' ? 'ASC' : 'DESC'} LIMIT ?`,
    params,
  );
  const items = rows.slice(0, query.limit).map(toEntry);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? String(last.seq) : null };
}
