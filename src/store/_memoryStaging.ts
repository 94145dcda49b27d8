import type { RecordKey } from './storageAdapter.js';
import { duplicateId, transactionFinished, versionConflict } from './storageErrors.js';
import type { AuditCommand, OutboxCommand, PutCommand } from './storageInput.js';
import { insertAuditRow, liveRow, type AuditRow, type MemoryRow, type MemorySlot, type MemoryState, type OutboxRow } from './_memoryState.js';

/**
 * Copy-on-write changes on top of the committed state: a transaction writes into a staging layer
 * and nothing is visible to others until `commit`, which applies the layer in one synchronous step.
 * A nested transaction is a child layer that merges into its parent on success and is dropped on
 * error (a savepoint). Writes outside any transaction are a layer committed at once.
 */
export class Staging {
  private readonly writes = new Map<string, Map<string, MemorySlot>>();
  /** The committed version of each written document when this layer first wrote it. */
  private readonly bases = new Map<string, { key: RecordKey; version: number | null }>();
  private readonly audit: AuditRow[] = [];
  private readonly outbox: OutboxRow[] = [];
  private closed = false;

  constructor(
    private readonly state: MemoryState,
    private readonly parent: Staging | null,
    private readonly now: () => number,
  ) {}

  /**
   * Throws if this layer or any layer it sits on has finished: a nested transaction that outlives
   * its outer one would otherwise merge into a layer that was already applied or dropped.
   */
  assertOpen(): void {
    for (let layer: Staging | null = this; layer; layer = layer.parent) {
      if (layer.closed) throw transactionFinished();
    }
  }

  /** A nested layer. */
  child(): Staging {
    return new Staging(this.state, this, this.now);
  }

  /** Marks the layer finished; later use throws. */
  close(): void {
    this.closed = true;
  }

  /** The live document, or `null` when it does not exist (or was deleted). */
  get(type: string, id: string): MemoryRow | null {
    return liveRow(this.slot(type, id));
  }

  /** The document or its tombstone as this layer sees it. */
  private slot(type: string, id: string): MemorySlot | null {
    const staged = this.writes.get(type)?.get(id);
    if (staged !== undefined) return staged;
    return this.parent ? this.parent.slot(type, id) : (this.state.records.get(type)?.get(id) ?? null);
  }

  /** Every live document of a type as this layer sees it. */
  rows(type: string): MemoryRow[] {
    const layers: Map<string, MemorySlot>[] = [];
    for (let layer: Staging | null = this; layer; layer = layer.parent) {
      const writes = layer.writes.get(type);
      if (writes) layers.unshift(writes);
    }
    const merged = new Map(this.state.records.get(type));
    for (const writes of layers) for (const [id, slot] of writes) merged.set(id, slot);
    return [...merged.values()].flatMap((slot) => liveRow(slot) ?? []);
  }

  /** The audit trail as this layer sees it, in `seq` order. */
  auditRows(): readonly AuditRow[] {
    const staged: AuditRow[] = [];
    for (let layer: Staging | null = this; layer; layer = layer.parent) staged.push(...layer.audit);
    if (staged.length === 0) return this.state.audit;
    const all = [...this.state.audit];
    for (const row of staged) insertAuditRow(all, row);
    return all;
  }

  put(command: PutCommand): MemoryRow {
    const slot = this.slot(command.type, command.id);
    const current = liveRow(slot);
    if ((current?.version ?? 0) !== command.expectedVersion) {
      throw versionConflict(command, command.expectedVersion, current?.version ?? null);
    }
    const row: MemoryRow = {
      type: command.type,
      id: command.id,
      campaignId: command.campaignId,
      // A create after a delete continues from the tombstone's version.
      version: (slot?.version ?? 0) + 1,
      json: command.json,
      updatedAt: new Date(this.now()).toISOString(),
    };
    this.write(command, row);
    return row;
  }

  delete(key: RecordKey, expectedVersion: number): void {
    const current = this.get(key.type, key.id);
    if (current?.version !== expectedVersion) throw versionConflict(key, expectedVersion, current?.version ?? null);
    this.write(key, { type: key.type, id: key.id, version: expectedVersion + 1, deleted: true });
  }

  appendAudit(command: AuditCommand): AuditRow {
    const { patches: _patches, inversePatches: _inverse, ...entry } = command.entry;
    if (this.hasAuditId(entry.id)) throw duplicateId('audit entry', entry.id);
    const row: AuditRow = {
      entry: { ...entry, seq: this.state.nextAuditSeq++ },
      patchesJson: command.patchesJson,
      inversePatchesJson: command.inversePatchesJson,
      touched: new Set(command.touched.map((key) => `${key.type}\u0000${key.id}`)),
    };
    this.audit.push(row);
    return row;
  }

  appendOutbox(commands: readonly OutboxCommand[]): OutboxRow[] {
    const createdAt = new Date(this.now()).toISOString();
    const seen = new Set<string>();
    for (const { event } of commands) {
      if (seen.has(event.id) || this.hasEventId(event.id)) throw duplicateId('outbox event', event.id);
      seen.add(event.id);
    }
    const rows = commands.map(({ event, json }): OutboxRow => ({
      seq: this.state.nextOutboxSeq++,
      eventId: event.id,
      json,
      status: 'pending',
      attempts: 0,
      claimedBy: null,
      claimedUntil: null,
      createdAt,
      sentAt: null,
    }));
    this.outbox.push(...rows);
    return rows;
  }

  /** Merges a nested layer into its parent, or applies a top layer to the committed state. */
  commit(): void {
    this.assertOpen();
    if (this.parent) this.mergeInto(this.parent);
    else this.apply();
    this.close();
  }

  private write(key: RecordKey, row: MemorySlot): void {
    const baseKey = `${key.type}\u0000${key.id}`;
    if (!this.bases.has(baseKey)) {
      const committed = this.state.records.get(key.type)?.get(key.id);
      this.bases.set(baseKey, { key: { type: key.type, id: key.id }, version: committed?.version ?? null });
    }
    let writes = this.writes.get(key.type);
    if (!writes) this.writes.set(key.type, (writes = new Map()));
    writes.set(key.id, row);
  }

  private hasAuditId(id: string): boolean {
    for (let layer: Staging | null = this; layer; layer = layer.parent) {
      if (layer.audit.some((row) => row.entry.id === id)) return true;
    }
    return this.state.auditIds.has(id);
  }

  private hasEventId(id: string): boolean {
    for (let layer: Staging | null = this; layer; layer = layer.parent) {
      if (layer.outbox.some((row) => row.eventId === id)) return true;
    }
    return this.state.eventIds.has(id);
  }

  private mergeInto(parent: Staging): void {
    for (const [baseKey, base] of this.bases) if (!parent.bases.has(baseKey)) parent.bases.set(baseKey, base);
    for (const [type, writes] of this.writes) {
      for (const [id, row] of writes) parent.write({ type, id }, row);
    }
    parent.audit.push(...this.audit);
    parent.outbox.push(...this.outbox);
  }

  private apply(): void {
    // Writes outside transactions do not wait for them, so check that none touched what this
    // layer wrote (or took one of its ids) since; otherwise the commit would lose that update.
    for (const { key, version } of this.bases.values()) {
      const committed = this.state.records.get(key.type)?.get(key.id);
      if ((committed?.version ?? null) !== version) throw versionConflict(key, version ?? 0, liveRow(committed)?.version ?? null);
    }
    for (const row of this.audit) if (this.state.auditIds.has(row.entry.id)) throw duplicateId('audit entry', row.entry.id);
    for (const row of this.outbox) if (this.state.eventIds.has(row.eventId)) throw duplicateId('outbox event', row.eventId);

    for (const [type, writes] of this.writes) {
      let rows = this.state.records.get(type);
      if (!rows) this.state.records.set(type, (rows = new Map()));
      for (const [id, slot] of writes) rows.set(id, slot);
    }
    for (const row of this.audit) {
      insertAuditRow(this.state.audit, row);
      this.state.auditIds.add(row.entry.id);
    }
    for (const row of this.outbox) {
      this.state.outbox.set(row.seq, row);
      this.state.eventIds.add(row.eventId);
    }
  }
}
