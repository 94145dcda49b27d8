import type { AuditEntry, Page, StoredRecord } from './storageAdapter.js';
import type { AuditQueryCommand, ListCommand } from './storageInput.js';
import { compareCodePoints } from './_compareCodePoints.js';
import { toAuditEntry, toRecord, type AuditRow } from './_memoryState.js';
import type { Staging } from './_memoryStaging.js';

/** The paged reads of the memory adapter, over whatever a staging layer sees. */

/** One page of documents of a type, by id in code point order. */
export function listRecords(staging: Staging, query: ListCommand): Page<StoredRecord> {
  const { campaignId, cursor, limit } = query;
  const rows = staging.rows(query.type).filter(
    (row) =>
      (campaignId === undefined || row.campaignId === campaignId) && (cursor === undefined || compareCodePoints(row.id, cursor) > 0),
  );
  rows.sort((a, b) => compareCodePoints(a.id, b.id));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toRecord), nextCursor: rows.length > limit && last ? last.id : null };
}

/** One page of the audit trail. */
export function readAuditRows(rows: readonly AuditRow[], query: AuditQueryCommand): Page<AuditEntry> {
  const { campaignId, aggregate, actor, commandId, touches, order, limit, cursor } = query;
  const touched = touches === undefined ? undefined : `${touches.type}\u0000${touches.id}`;
  const matches = ({ entry, touched: keys }: AuditRow): boolean =>
    (touched === undefined || keys.has(touched)) &&
    (campaignId === undefined || entry.aggregate.campaignId === campaignId) &&
    (aggregate === undefined || (entry.aggregate.type === aggregate.type && entry.aggregate.id === aggregate.id)) &&
    (actor === undefined || entry.actor === actor) &&
    (commandId === undefined || entry.commandId === commandId) &&
    (cursor === undefined || (order === 'asc' ? entry.seq > cursor : entry.seq < cursor));

  const found: AuditRow[] = [];
  const step = order === 'asc' ? 1 : -1;
  for (let i = order === 'asc' ? 0 : rows.length - 1; i >= 0 && i < rows.length && found.length <= limit; i += step) {
    const row = rows[i];
    if (row && matches(row)) found.push(row);
  }
  const page = found.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toAuditEntry), nextCursor: found.length > limit && last ? String(last.entry.seq) : null };
}
