import { touchedRecords } from './_auditTouches.js';
import * as z from 'zod';
import { invalidField, parseInput } from '../core/validate.js';
import { InstantSchema } from '../model/primitives.js';
import { encodeJson } from './storageInput.js';
import { AuditPatchSchema, OutboxEventSchema, RecordIdSchema, RecordTypeSchema } from './storageSchemas.js';
import { emptyState, insertAuditRow, liveRow, toOutboxEntry, toRecord, type MemoryState } from './_memoryState.js';

const SeqSchema = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
type Patch = z.infer<typeof AuditPatchSchema>;

/**
 * Everything a memory storage holds, as plain JSON: `JSON.stringify` it to a file and pass it back
 * to `createMemoryStorage({ snapshot })` to carry on where it left off.
 */
export const MemorySnapshotSchema = z.object({
  /** Marks the object as a campaignkit memory snapshot. */
  format: z.literal('campaignkit.memory'),
  /** Snapshot format version: 2 adds `deleted`; version 1 snapshots are still read. */
  version: z.union([z.literal(1), z.literal(2)]),
  /** The `seq` the next audit entry gets. */
  nextAuditSeq: SeqSchema,
  /** The `seq` the next outbox entry gets. */
  nextOutboxSeq: SeqSchema,
  /** Every document, by type and id. */
  records: z.array(
    z.object({
      /** Type. */
      type: RecordTypeSchema,
      /** Id. */
      id: RecordIdSchema,
      /** Campaign or `null`. */
      campaignId: RecordIdSchema.nullable(),
      /** Version (1 or more). */
      version: SeqSchema,
      /** The document. */
      data: z.unknown(),
      /** Last write. */
      updatedAt: InstantSchema,
    }),
  ),
  /**
   * The last version of each deleted document, so that a later create of the id continues from
   * it (absent in version 1 snapshots).
   */
  deleted: z
    .array(
      z.object({
        /** Type. */
        type: RecordTypeSchema,
        /** Id. */
        id: RecordIdSchema,
        /** The version its delete gave it. */
        version: SeqSchema,
      }),
    )
    .default([]),
  /** The audit trail in `seq` order. */
  audit: z.array(
    z.object({
      /** Position. */
      seq: SeqSchema,
      /** Entry id. */
      id: RecordIdSchema,
      /** Command id. */
      commandId: RecordIdSchema,
      /** When. */
      at: InstantSchema,
      /** Who. */
      actor: RecordIdSchema,
      /** Command name. */
      command: z.string().min(1).max(100),
      /** The aggregate changed. */
      aggregate: z.object({
        /** Type. */
        type: RecordTypeSchema,
        /** Id. */
        id: RecordIdSchema,
        /** Campaign or `null`. */
        campaignId: RecordIdSchema.nullable(),
      }),
      /** Version after the change. */
      version: z.int().min(0),
      /** Old → new. */
      patches: z.array(AuditPatchSchema),
      /** New → old. */
      inversePatches: z.array(AuditPatchSchema),
    }),
  ),
  /** The outbox in `seq` order, sent entries included. */
  outbox: z.array(
    z.object({
      /** Position. */
      seq: SeqSchema,
      /** The event. */
      event: OutboxEventSchema,
      /** Pending or sent. */
      status: z.enum(['pending', 'sent']),
      /** Claims so far. */
      attempts: z.int().min(0),
      /** Last consumer. */
      claimedBy: RecordIdSchema.nullable(),
      /** Lease end. */
      claimedUntil: InstantSchema.nullable(),
      /** Appended at. */
      createdAt: InstantSchema,
      /** Acknowledged at. */
      sentAt: InstantSchema.nullable(),
    }),
  ),
});

/** A memory storage's contents; see {@link MemorySnapshotSchema}. */
export type MemorySnapshot = z.input<typeof MemorySnapshotSchema>;

/** The committed state as a snapshot (transactions in flight are not included). */
export function takeSnapshot(state: MemoryState): MemorySnapshot {
  const slots = [...state.records.values()].flatMap((rows) => [...rows.values()]);
  return {
    format: 'campaignkit.memory',
    version: 2,
    nextAuditSeq: state.nextAuditSeq,
    nextOutboxSeq: state.nextOutboxSeq,
    records: slots.flatMap((slot) => {
      const row = liveRow(slot);
      return row === null ? [] : [toRecord(row)];
    }),
    deleted: slots.flatMap((slot) => (liveRow(slot) === null ? [{ type: slot.type, id: slot.id, version: slot.version }] : [])),
    audit: state.audit.map((row) => ({
      ...row.entry,
      aggregate: { ...row.entry.aggregate },
      patches: JSON.parse(row.patchesJson) as Patch[],
      inversePatches: JSON.parse(row.inversePatchesJson) as Patch[],
    })),
    outbox: [...state.outbox.values()]
      .sort((a, b) => a.seq - b.seq)
      .map((row) => ({ ...toOutboxEntry(row), sentAt: row.sentAt })),
  };
}

/** Rebuilds a state from a snapshot, refusing one that is malformed or inconsistent. */
export function restoreSnapshot(input: unknown): MemoryState {
  const snapshot = parseInput(MemorySnapshotSchema, input, 'memory snapshot');
  const state = emptyState();
  snapshot.records.forEach((record, index) => {
    let rows = state.records.get(record.type);
    if (!rows) state.records.set(record.type, (rows = new Map()));
    if (rows.has(record.id)) throw invalidField('memory snapshot', ['records', index, 'id'], `${record.type} ${record.id} appears twice`);
    const json = encodeJson(record.data, 'memory snapshot', ['records', index, 'data']);
    const { type, id, campaignId, version, updatedAt } = record;
    rows.set(id, { type, id, campaignId, version, json, updatedAt });
  });
  snapshot.deleted.forEach(({ type, id, version }, index) => {
    let rows = state.records.get(type);
    if (!rows) state.records.set(type, (rows = new Map()));
    if (rows.has(id)) throw invalidField('memory snapshot', ['deleted', index, 'id'], `${type} ${id} is both stored and deleted, or deleted twice`);
    rows.set(id, { type, id, version, deleted: true });
  });
  const auditSeqs = new Set<number>();
  snapshot.audit.forEach(({ patches, inversePatches, ...entry }, index) => {
    if (state.auditIds.has(entry.id) || auditSeqs.has(entry.seq) || entry.seq >= snapshot.nextAuditSeq) {
      throw invalidField('memory snapshot', ['audit', index], 'audit ids and seqs must be unique and seqs below nextAuditSeq');
    }
    state.auditIds.add(entry.id);
    auditSeqs.add(entry.seq);
    insertAuditRow(state.audit, {
      entry,
      patchesJson: encodeJson(patches, 'memory snapshot', ['audit', index, 'patches']),
      inversePatchesJson: encodeJson(inversePatches, 'memory snapshot', ['audit', index, 'inversePatches']),
      touched: new Set(touchedRecords(patches).map((key) => `${key.type}\u0000${key.id}`)),
    });
  });
  snapshot.outbox.forEach((entry, index) => {
    if (state.eventIds.has(entry.event.id) || state.outbox.has(entry.seq) || entry.seq >= snapshot.nextOutboxSeq) {
      throw invalidField('memory snapshot', ['outbox', index], 'event ids and seqs must be unique and seqs below nextOutboxSeq');
    }
    state.eventIds.add(entry.event.id);
    state.outbox.set(entry.seq, {
      seq: entry.seq,
      eventId: entry.event.id,
      json: encodeJson(entry.event, 'memory snapshot', ['outbox', index, 'event']),
      status: entry.status,
      attempts: entry.attempts,
      claimedBy: entry.claimedBy,
      claimedUntil: entry.claimedUntil === null ? null : Date.parse(entry.claimedUntil),
      createdAt: entry.createdAt,
      sentAt: entry.sentAt,
    });
  });
  state.nextAuditSeq = snapshot.nextAuditSeq;
  state.nextOutboxSeq = snapshot.nextOutboxSeq;
  return state;
}
