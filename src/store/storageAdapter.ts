/**
 * The storage contract every adapter implements: versioned JSON documents, an append-only audit
 * trail and a transactional outbox. The workspace's command pipeline is the only writer; it loads
 * an aggregate, saves it with the version it read, and appends the audit entry and the outbox
 * events in the same transaction, so either all of them are stored or none is.
 */

/** Identifies one stored document: its type (e.g. `'task'`) and its id, unique within the type. */
export interface RecordKey {
  /** Document type, e.g. `'campaign'`, `'task'`, `'budget.line'`. */
  readonly type: string;
  /** Id, unique within the type. */
  readonly id: string;
}

/** A stored document with its version. */
export interface StoredRecord extends RecordKey {
  /** The campaign the document belongs to, or `null` for documents outside any campaign. */
  readonly campaignId: string | null;
  /**
   * +1 on every write, a delete included, and never restarted for an id: 1 after the first
   * creation, and a create after a delete continues from the delete's version. So a version names
   * one state of one id for all time, and a version read before a delete can never match the
   * document created again under the same id.
   */
  readonly version: number;
  /** The document, as JSON (a fresh copy on every read). */
  readonly data: unknown;
  /** When it was last written (ISO 8601 instant from the adapter's clock). */
  readonly updatedAt: string;
}

/** What {@link StorageWriter.put} stores. */
export interface PutInput extends RecordKey {
  /** The campaign the document belongs to; omit or `null` for none. */
  readonly campaignId?: string | null;
  /** The document: any JSON value (no `undefined` at the top, no `NaN`, `Infinity` or `BigInt`). */
  readonly data: unknown;
}

/** The optimistic-concurrency check of a write. */
export interface WriteOptions {
  /**
   * The version the caller read: `0` means "must not exist yet" (a create). A mismatch throws
   * `CONFLICT` and writes nothing.
   */
  readonly expectedVersion: number;
}

/** A query for {@link StorageReader.list}. */
export interface ListQuery {
  /** Document type to list. */
  readonly type: string;
  /** Only documents of this campaign; omit for all. */
  readonly campaignId?: string;
  /** Page size, 1–1000; default 100. */
  readonly limit?: number;
  /** `nextCursor` of the previous page; omit for the first page. */
  readonly cursor?: string;
}

/** One page of results. */
export interface Page<T> {
  /** The items of this page, in the query's order. */
  readonly items: readonly T[];
  /** Pass as `cursor` to get the next page; `null` when this page is the last. */
  readonly nextCursor: string | null;
}

/**
 * One change of a JSON document in immer's patch format; immer's `Patch` is assignable to it.
 * `path` addresses the changed value; `value` is absent for `remove`.
 */
export interface AuditPatch {
  /** What happened at `path`. */
  readonly op: 'add' | 'replace' | 'remove';
  /** Property names and array indexes from the document root. */
  readonly path: readonly (string | number)[];
  /** The new value (`add`, `replace`). */
  readonly value?: unknown;
}

/** The aggregate an audit entry is about. */
export interface AuditAggregate extends RecordKey {
  /** Its campaign, or `null`. */
  readonly campaignId: string | null;
}

/** What {@link StorageWriter.appendAudit} stores. */
export interface AuditInput {
  /** Unique id of the entry; appending an id twice throws `CONFLICT`. */
  readonly id: string;
  /**
   * Groups the entries of one command that changed several aggregates (undo reverts them
   * together). Defaults to `id`.
   */
  readonly commandId?: string;
  /** When the command ran (ISO 8601 instant from the workspace's clock). */
  readonly at: string;
  /** Who ran it (a member id or a system actor such as `'system:import'`). */
  readonly actor: string;
  /** The command's name, e.g. `'task.update'`. */
  readonly command: string;
  /** The aggregate it changed. */
  readonly aggregate: { readonly type: string; readonly id: string; readonly campaignId?: string | null };
  /** The aggregate's version after the change (0 when the command deleted it). */
  readonly version: number;
  /** Patches from the old document to the new one. */
  readonly patches: readonly AuditPatch[];
  /** Patches from the new document back to the old one (what undo applies). */
  readonly inversePatches: readonly AuditPatch[];
}

/** A stored audit entry. */
export interface AuditEntry {
  /** Position in the trail: increases with every append (rolled-back appends may leave gaps). */
  readonly seq: number;
  /** Unique id. */
  readonly id: string;
  /** The command this entry belongs to. */
  readonly commandId: string;
  /** When the command ran. */
  readonly at: string;
  /** Who ran it. */
  readonly actor: string;
  /** The command's name. */
  readonly command: string;
  /** The aggregate it changed. */
  readonly aggregate: AuditAggregate;
  /** The aggregate's version after the change. */
  readonly version: number;
  /** Old → new. */
  readonly patches: readonly AuditPatch[];
  /** New → old. */
  readonly inversePatches: readonly AuditPatch[];
}

/** A query for {@link StorageReader.readAudit}; the filters combine with AND. */
export interface AuditQuery {
  /** Only entries of this campaign. */
  readonly campaignId?: string;
  /** Only entries about this aggregate. */
  readonly aggregate?: RecordKey;
  /** Only entries by this actor. */
  readonly actor?: string;
  /**
   * Only entries whose patches change this record, as their aggregate or on the way (a task a
   * command moved while rescheduling): a record's history, read through an index.
   */
  readonly touches?: RecordKey;
  /** Only entries of this command. */
  readonly commandId?: string;
  /** `'asc'` (oldest first, the default) or `'desc'` (newest first, e.g. to find what to undo). */
  readonly order?: 'asc' | 'desc';
  /** Page size, 1–1000; default 100. */
  readonly limit?: number;
  /** `nextCursor` of the previous page. */
  readonly cursor?: string;
}

/**
 * An event to relay: any JSON object with a `type` (past tense, e.g. `'task.updated'`) and a
 * unique `id` that consumers use to drop the duplicates at-least-once delivery may produce.
 */
export interface OutboxEvent {
  /** Event type. */
  readonly type: string;
  /** Unique event id; appending an id twice throws `CONFLICT`. */
  readonly id: string;
  /** Anything else the event carries (time, actor, aggregate id, version…). */
  readonly [key: string]: unknown;
}

/** A stored outbox entry. */
export interface OutboxEntry {
  /** Position in the outbox; claims return entries in this order. */
  readonly seq: number;
  /** The event as appended. */
  readonly event: OutboxEvent;
  /** `pending` until acknowledged, then `sent`. */
  readonly status: 'pending' | 'sent';
  /** How many times it has been claimed. */
  readonly attempts: number;
  /** The consumer holding (or last holding) the lease, or `null` if never claimed. */
  readonly claimedBy: string | null;
  /** When the current lease ends (ISO instant), or `null` if never claimed. */
  readonly claimedUntil: string | null;
  /** When it was appended (ISO instant from the adapter's clock). */
  readonly createdAt: string;
}

/** Options of {@link StorageAdapter.claimOutbox}. */
export interface ClaimOptions {
  /** Who claims, e.g. the relay's host name; stored as `claimedBy`. */
  readonly consumer: string;
  /** At most this many entries, 1–1000; default 100. */
  readonly limit?: number;
  /** How long the claim lasts before another consumer may take the entries, in ms; default 30 000. */
  readonly leaseMs?: number;
}

/** Reads, available on the adapter and inside a transaction. */
export interface StorageReader {
  /**
   * The document with this key, or `null`.
   *
   * @example
   * ```ts
   * await storage.get('task', 't-brief');
   * // { type: 'task', id: 't-brief', campaignId: 'launch', version: 3, data: {...}, updatedAt: '2026-03-02T09:00:00.000Z' }
   * ```
   */
  get(type: string, id: string): Promise<StoredRecord | null>;

  /**
   * The documents with these ids (at most 1000), in the order asked; `null` where one is missing.
   *
   * @example
   * ```ts
   * (await storage.getMany('task', ['t2', 'nope', 't1'])).map((r) => r?.id ?? null); // ['t2', null, 't1']
   * ```
   */
  getMany(type: string, ids: readonly string[]): Promise<(StoredRecord | null)[]>;

  /**
   * One page of the documents of a type (optionally of one campaign), ordered by id in Unicode
   * code point order, which is stable across pages and identical in every adapter.
   *
   * @example
   * ```ts
   * const first = await storage.list({ type: 'task', campaignId: 'launch', limit: 2 });
   * // { items: [t1, t2], nextCursor: 't2' }
   * await storage.list({ type: 'task', campaignId: 'launch', limit: 2, cursor: first.nextCursor });
   * // { items: [t3], nextCursor: null }
   * ```
   */
  list(query: ListQuery): Promise<Page<StoredRecord>>;

  /**
   * One page of the audit trail, filtered by campaign, aggregate, actor or command, in `seq` order.
   *
   * @example
   * ```ts
   * await storage.readAudit({ actor: 'm-li', order: 'desc', limit: 1 });
   * // { items: [{ seq: 41, command: 'task.update', version: 4, patches: [...], ... }], nextCursor: '41' }
   * ```
   */
  readAudit(query?: AuditQuery): Promise<Page<AuditEntry>>;
}

/** Writes, available on the adapter (each its own transaction) and inside a transaction. */
export interface StorageWriter {
  /**
   * Creates (`expectedVersion: 0`) or replaces (`expectedVersion` = the version read) a document
   * and returns it with its new version. A stale version, or a create of an existing document,
   * throws `CONFLICT` with `details.ids`, `details.expectedVersion` and `details.actualVersion`
   * (`null` when missing), and writes nothing.
   *
   * @example
   * ```ts
   * const created = await storage.put({ type: 'task', id: 't1', campaignId: 'launch', data: { name: 'Brief' } }, { expectedVersion: 0 });
   * created.version; // 1
   * await storage.put({ ...created, data: { name: 'Brief v2' } }, { expectedVersion: 1 }); // version 2
   * await storage.put({ ...created, data: { name: 'Lost update' } }, { expectedVersion: 1 }); // throws CONFLICT
   * ```
   */
  put(record: PutInput, options: WriteOptions): Promise<StoredRecord>;

  /**
   * Deletes a document at the expected version (at least 1); a stale version or a missing
   * document throws `CONFLICT`. The delete takes the next version, and a later create of the same
   * id (`expectedVersion: 0`) continues after it: deleted at version 2, created again at version 4.
   *
   * @example
   * ```ts
   * await storage.delete('task', 't1', { expectedVersion: 2 }); // gone
   * ```
   */
  delete(type: string, id: string, options: WriteOptions): Promise<void>;

  /**
   * Appends one audit entry and returns it with its `seq`.
   *
   * @example
   * ```ts
   * await tx.appendAudit({ id: 'cmd-7', at: '2026-03-02T09:00:00.000Z', actor: 'm-li', command: 'task.update',
   *   aggregate: { type: 'task', id: 't1', campaignId: 'launch' }, version: 2,
   *   patches: [{ op: 'replace', path: ['name'], value: 'Brief v2' }],
   *   inversePatches: [{ op: 'replace', path: ['name'], value: 'Brief' }] });
   * // { seq: 1, id: 'cmd-7', commandId: 'cmd-7', ... }
   * ```
   */
  appendAudit(entry: AuditInput): Promise<AuditEntry>;

  /**
   * Appends events to the outbox, in order, as `pending` entries for a relay to claim.
   *
   * @example
   * ```ts
   * await tx.appendOutbox([{ type: 'task.updated', id: 'evt-7', aggregateId: 't1', version: 2 }]);
   * // [{ seq: 1, event: {...}, status: 'pending', attempts: 0, claimedBy: null, claimedUntil: null, createdAt: '...' }]
   * ```
   */
  appendOutbox(events: readonly OutboxEvent[]): Promise<OutboxEntry[]>;
}

/** Reads and writes that commit or roll back together. */
export interface StorageTransaction extends StorageReader, StorageWriter {
  /**
   * Runs `fn` inside this transaction. If `fn` throws, the writes it made are undone (a
   * savepoint) and the error is rethrown; the outer transaction goes on unless the error escapes it.
   * Await it: once the outer callback settles, a nested one still running is refused with
   * `INVALID_STATE` and writes nothing.
   *
   * @example
   * ```ts
   * await storage.transaction(async (tx) => {
   *   await tx.put(a, { expectedVersion: 1 });
   *   await tx.transaction(async (inner) => inner.put(b, { expectedVersion: 0 }));
   * });
   * ```
   */
  transaction<R>(fn: (tx: StorageTransaction) => Promise<R>): Promise<R>;
}

/**
 * A storage backend. Inside `transaction(fn)`, use only the `tx` argument: calling the adapter
 * itself from inside `fn` runs outside the transaction and may wait for it to finish.
 */
export interface StorageAdapter extends StorageReader, StorageWriter {
  /**
   * Runs `fn` in one transaction: it commits when `fn` resolves and rolls back everything `fn`
   * wrote (documents, audit entries, outbox events) when it throws, then rethrows. Returns what
   * `fn` returns. Nested `tx.transaction` calls join it.
   *
   * @example
   * ```ts
   * await storage.transaction(async (tx) => {
   *   const task = await tx.get('task', 't1');
   *   await tx.put({ type: 'task', id: 't1', data: next }, { expectedVersion: task?.version ?? 0 });
   *   await tx.appendAudit(entry);
   *   await tx.appendOutbox([event]);
   * });
   * ```
   */
  transaction<R>(fn: (tx: StorageTransaction) => Promise<R>): Promise<R>;

  /**
   * Leases up to `limit` pending outbox entries, oldest first, to `consumer` for `leaseMs`.
   * Entries under another consumer's unexpired lease are skipped, so several relays can run at
   * once without receiving the same entry; an expired lease may be claimed again (at-least-once).
   *
   * @example
   * ```ts
   * const batch = await storage.claimOutbox({ consumer: 'relay-1', limit: 50, leaseMs: 30_000 });
   * await broker.publish(batch.map((entry) => entry.event));
   * await storage.acknowledgeOutbox(batch.map((entry) => entry.seq));
   * ```
   */
  claimOutbox(options: ClaimOptions): Promise<OutboxEntry[]>;

  /**
   * Marks outbox entries as sent so they are never claimed again. Returns how many were pending;
   * acknowledging an entry twice is harmless.
   *
   * @example
   * ```ts
   * await storage.acknowledgeOutbox([1, 2, 3]); // 3
   * ```
   */
  acknowledgeOutbox(seqs: readonly number[]): Promise<number>;
}
