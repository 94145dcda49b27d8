import type { AuditEntry, OutboxEntry, OutboxEvent, StoredRecord } from './storageAdapter.js';

/**
 * The committed state of a memory storage. Documents, patches and events are kept as JSON text,
 * so every read returns a fresh copy and the memory adapter round-trips data exactly as the SQL
 * adapters do (what JSON cannot represent never gets in).
 */

/** A stored document. */
export interface MemoryRow {
  readonly type: string;
  readonly id: string;
  readonly campaignId: string | null;
  readonly version: number;
  readonly json: string;
  readonly updatedAt: string;
}

/**
 * What is left of a deleted document: its last version (the delete's), so that a later create of
 * the same id continues from it and a version never names two different states of one id.
 */
export interface Tombstone {
  readonly type: string;
  readonly id: string;
  readonly version: number;
  readonly deleted: true;
}

/** A live document or the tombstone of a deleted one. */
export type MemorySlot = MemoryRow | Tombstone;

/** The live document in a slot, or `null`. */
export function liveRow(slot: MemorySlot | null | undefined): MemoryRow | null {
  return slot === undefined || slot === null || 'deleted' in slot ? null : slot;
}

/** A stored audit entry: the entry without its patches, plus the patches as JSON text. */
export interface AuditRow {
  readonly entry: Omit<AuditEntry, 'patches' | 'inversePatches'>;
  readonly patchesJson: string;
  readonly inversePatchesJson: string;
  /** `type\u0000id` of every record the patches change. */
  readonly touched: ReadonlySet<string>;
}

/** A stored outbox entry (mutable: claims and acknowledgements update it in place). */
export interface OutboxRow {
  readonly seq: number;
  readonly eventId: string;
  readonly json: string;
  status: 'pending' | 'sent';
  attempts: number;
  claimedBy: string | null;
  /** Lease end in ms since the epoch. */
  claimedUntil: number | null;
  readonly createdAt: string;
  sentAt: string | null;
}

/** Everything a memory storage holds. */
export interface MemoryState {
  /** type → id → document or tombstone. */
  readonly records: Map<string, Map<string, MemorySlot>>;
  /** In `seq` order. */
  readonly audit: AuditRow[];
  readonly auditIds: Set<string>;
  /** seq → entry, in `seq` order. */
  readonly outbox: Map<number, OutboxRow>;
  readonly eventIds: Set<string>;
  nextAuditSeq: number;
  nextOutboxSeq: number;
}

/** A state with nothing in it. */
export function emptyState(): MemoryState {
  return {
    records: new Map(),
    audit: [],
    auditIds: new Set(),
    outbox: new Map(),
    eventIds: new Set(),
    nextAuditSeq: 1,
    nextOutboxSeq: 1,
  };
}

/** The public form of a stored document (a fresh copy of its data). */
export function toRecord(row: MemoryRow): StoredRecord {
  return {
    type: row.type,
    id: row.id,
    campaignId: row.campaignId,
    version: row.version,
    data: JSON.parse(row.json) as unknown,
    updatedAt: row.updatedAt,
  };
}

/** The public form of a stored audit entry. */
export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    ...row.entry,
    aggregate: { ...row.entry.aggregate },
    patches: JSON.parse(row.patchesJson) as AuditEntry['patches'],
    inversePatches: JSON.parse(row.inversePatchesJson) as AuditEntry['inversePatches'],
  };
}

/** The public form of a stored outbox entry. */
export function toOutboxEntry(row: OutboxRow): OutboxEntry {
  return {
    seq: row.seq,
    event: JSON.parse(row.json) as OutboxEvent,
    status: row.status,
    attempts: row.attempts,
    claimedBy: row.claimedBy,
    claimedUntil: row.claimedUntil === null ? null : new Date(row.claimedUntil).toISOString(),
    createdAt: row.createdAt,
  };
}

/** Inserts `row` keeping the trail in `seq` order (a transaction may commit after a later append). */
export function insertAuditRow(audit: AuditRow[], row: AuditRow): void {
  let index = audit.length;
  while (index > 0 && (audit[index - 1]?.entry.seq ?? 0) > row.entry.seq) index--;
  audit.splice(index, 0, row);
}
