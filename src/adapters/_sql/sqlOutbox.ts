import type { OutboxEntry, OutboxEvent } from '../../store/storageAdapter.js';
import { duplicateId } from '../../store/storageErrors.js';
import type { ClaimCommand, OutboxCommand } from '../../store/storageInput.js';
import { isDuplicate, type SqlContext } from './sqlRecords.js';
import { nullableTextOf, numberOf, textOf, type SqlExecutor, type SqlRow } from './sqlDriver.js';

/** The outbox in SQL: pending rows leased to relays with `FOR UPDATE SKIP LOCKED` where available. */

function toEntry(row: SqlRow): OutboxEntry {
  const claimedUntil = row['claimed_until'];
  return {
    seq: numberOf(row['seq']),
    event: JSON.parse(textOf(row['payload'])) as OutboxEvent,
    status: textOf(row['status']) === 'sent' ? 'sent' : 'pending',
    attempts: numberOf(row['attempts']),
    claimedBy: nullableTextOf(row['claimed_by']),
    claimedUntil: claimedUntil === null || claimedUntil === undefined ? null : new Date(numberOf(claimedUntil)).toISOString(),
    createdAt: textOf(row['created_at']),
  };
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** Appends events one row each, in order (so every driver reports each row's key). */
export async function appendOutbox(ctx: SqlContext, exec: SqlExecutor, commands: readonly OutboxCommand[]): Promise<OutboxEntry[]> {
  const createdAt = new Date(ctx.now()).toISOString();
  const returning = ctx.dialect.upsertAndReturning ? ' ON CONFLICT (event_id) DO NOTHING RETURNING seq' : '';
  const entries: OutboxEntry[] = [];
  for (const { event, json } of commands) {
    let seq: number | null;
    try {
      const result = await exec.query(
        `INSERT INTO ${ctx.tables.outbox} (event_id, event_type, payload, status, attempts, created_at) ` +
          `VALUES (?, ?, ?, 'pending', 0, ?)${returning}`,
        [event.id, event.type, json, createdAt],
      );
      const [row] = result.rows;
      seq = ctx.dialect.upsertAndReturning ? (row ? numberOf(row['seq']) : null) : result.insertId;
    } catch (error) {
      if (!isDuplicate(ctx.dialect, error)) throw error;
      seq = null;
    }
    if (seq === null) throw duplicateId('outbox event', event.id);
    entries.push({ seq, event, status: 'pending', attempts: 0, claimedBy: null, claimedUntil: null, createdAt });
  }
  return entries;
}

/**
 * Leases due entries; run it inside a transaction. The locking read skips rows another claimer
 * holds, so concurrent relays get disjoint batches; SQLite has one writer and needs no lock.
 */
export async function claimOutbox(ctx: SqlContext, exec: SqlExecutor, claim: ClaimCommand): Promise<OutboxEntry[]> {
  const now = ctx.now();
  const t = ctx.tables.outbox;
  const { rows } = await exec.query(
    `SELECT seq FROM ${t} WHERE status = 'pending' AND (claimed_until IS NULL OR claimed_until <= ?) ` +
      `ORDER BY seq LIMIT ?${ctx.dialect.skipLocked}`,
    [now, claim.limit],
  );
  const seqs = rows.map((row) => numberOf(row['seq']));
  if (seqs.length === 0) return [];
  const inList = placeholders(seqs.length);
  await exec.query(`UPDATE ${t} SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 WHERE seq IN (${inList})`, [
    claim.consumer,
    now + claim.leaseMs,
    ...seqs,
  ]);
  const claimed = await exec.query(
    `SELECT seq, ${ctx.dialect.jsonText('payload')} AS payload, status, attempts, claimed_by, claimed_until, created_at ` +
      `FROM ${t} WHERE seq IN (${inList}) ORDER BY seq`,
    seqs,
  );
  return claimed.rows.map(toEntry);
}

/** Marks entries sent; returns how many were pending. */
export async function acknowledgeOutbox(ctx: SqlContext, exec: SqlExecutor, seqs: readonly number[]): Promise<number> {
  if (seqs.length === 0) return 0;
  const result = await exec.query(
    `UPDATE ${ctx.tables.outbox} SET status = 'sent', sent_at = ? WHERE status = 'pending' AND seq IN (${placeholders(seqs.length)})`,
    [new Date(ctx.now()).toISOString(), ...seqs],
  );
  return result.affected;
}
