import { enablePatches, Immer, type Draft, type Patch } from 'immer';
import type { Resource } from '../access/actor.js';
import { canParsed } from '../access/can.js';
import { refusal, visible } from './_reader.js';
import type { Permission } from '../access/permissions.js';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import type { WorkspaceEventPayloads, WorkspaceEventType } from '../events/workspaceEvents.js';
import type { WorkflowEvent } from '../workflow/events.js';
import { versionConflict } from '../store/storageErrors.js';
import type { StorageTransaction } from '../store/storageAdapter.js';
import type { WorkspaceContext } from './_context.js';
import {
  campaignOf,
  emptyRecordState,
  keyText,
  RECORD_SCHEMAS,
  type Key,
  type RecordData,
  type RecordState,
  type RecordType,
} from './_records.js';

enablePatches();
// A private instance: the workspace never changes immer's global settings for the host.
const immer = new Immer({ autoFreeze: true });

/** An event a command announces, completed with its envelope after the records are saved. */
export type EventDraft = {
  [K in WorkspaceEventType]: { readonly type: K; readonly about: Key; readonly payload: WorkspaceEventPayloads[K] };
}[WorkspaceEventType];

/** A record as loaded: its version then (0 = did not exist). */
interface Loaded {
  readonly type: RecordType;
  readonly id: string;
  readonly version: number;
}

/** A record the command saved, with its version before and after (0 = did not exist / deleted). */
export interface SavedRecord {
  readonly type: RecordType;
  readonly id: string;
  readonly version: number;
  readonly before: number;
  readonly campaignId: string | null;
}

const PAGE = 1000;

/**
 * The unit of work of one command inside its storage transaction: the records it loaded (with
 * their versions), the changes made to them with immer (patches and inverse patches, every path
 * starting with the record's type and id), the permission checks made and the events to announce.
 */
export class CommandSession {
  private current: RecordState = emptyRecordState();
  private readonly loaded = new Map<string, Loaded>();
  private readonly listed = new Set<string>();
  readonly patches: Patch[] = [];
  readonly inversePatches: Patch[] = [];
  private readonly primary: EventDraft[] = [];
  private readonly derived: EventDraft[] = [];
  private readonly commitHooks: (() => void)[] = [];
  private readonly saveHooks: ((saved: readonly SavedRecord[]) => void)[] = [];
  private checked = false;
  /** Set by undo: record versions that stand again for an earlier version's content. */
  restores: { type: string; id: string; version: number; sameAs: number }[] | undefined;

  constructor(
    readonly tx: StorageTransaction,
    readonly ctx: WorkspaceContext,
    /** The command's id (its audit entry's id). */
    readonly commandId: string,
    /** When the command runs, as an ISO instant. */
    readonly at: string,
  ) {}

  /** The records as the command currently sees them (read-only). */
  get state(): RecordState {
    return this.current;
  }

  /** Whether a permission was checked: the pipeline refuses to save a command that checked none. */
  get authorized(): boolean {
    return this.checked;
  }

  /** Throws `FORBIDDEN` naming `permission` unless the actor holds it on `resource`. */
  authorize(permission: Permission, resource: Resource): void {
    const decision = canParsed(this.ctx.actor, permission, resource, this.ctx.policy);
    if (!decision.allowed) throw refusal(this.ctx, decision, resource);
    this.checked = true;
  }

  /**
   * Authorizes an act on the actor's own behalf that needs no role (a member delegating their own
   * approvals): true, and the command may go on, when the actor is `memberId`.
   */
  actsAs(memberId: string): boolean {
    if (this.ctx.actor.id !== memberId) return false;
    this.checked = true;
    return true;
  }

  /** Loads records not loaded yet; missing ones are remembered as version 0. */
  async load(type: RecordType, ids: readonly string[]): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.loaded.has(keyText(type, id)));
    for (let start = 0; start < wanted.length; start += PAGE) {
      const chunk = wanted.slice(start, start + PAGE);
      const records = await this.tx.getMany(type, chunk);
      const found: Record<string, unknown> = {};
      chunk.forEach((id, i) => {
        const record = records[i] ?? null;
        this.loaded.set(keyText(type, id), { type, id, version: record?.version ?? 0 });
        // A record the command created before loading it keeps its new state (saving it will conflict).
        if (record !== null && !Object.hasOwn(this.current[type], id)) found[id] = record.data;
      });
      this.add(type, found);
    }
  }

  /** Loads every record of a type in a campaign (once per command). */
  async loadCampaign(type: RecordType, campaignId: string): Promise<void> {
    await this.loadListed(type, campaignId);
  }

  /** Loads every record of a workspace-wide type (once per command). */
  async loadWorkspaceWide(type: RecordType): Promise<void> {
    await this.loadListed(type, undefined);
  }

  private async loadListed(type: RecordType, campaignId: string | undefined): Promise<void> {
    const listKey = campaignId === undefined ? `${type}\u0001every` : keyText(type, campaignId);
    if (this.listed.has(listKey)) return;
    this.listed.add(listKey);
    let cursor: string | undefined;
    do {
      const page = await this.tx.list({ type, ...(campaignId === undefined ? {} : { campaignId }), limit: PAGE, ...(cursor === undefined ? {} : { cursor }) });
      const found: Record<string, unknown> = {};
      for (const record of page.items) {
        // A record this command already loaded (and maybe changed or deleted) keeps its state.
        if (this.loaded.has(keyText(type, record.id))) continue;
        this.loaded.set(keyText(type, record.id), { type, id: record.id, version: record.version });
        found[record.id] = record.data;
      }
      this.add(type, found);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }

  /**
   * Loads every record of these types in a campaign, one statement after another: a transaction
   * holds one connection, which runs one statement at a time.
   */
  async loadCampaignTypes(types: readonly RecordType[], campaignId: string): Promise<void> {
    for (const type of types) await this.loadCampaign(type, campaignId);
  }

  /** The record's data as the command sees it, or `undefined`. */
  get<T extends RecordType>(type: T, id: string): RecordData<T> | undefined {
    return Object.hasOwn(this.current[type], id) ? this.current[type][id] : undefined;
  }

  /** Every loaded record of a type in a campaign, by id. */
  all<T extends RecordType>(type: T, campaignId?: string): RecordData<T>[] {
    const records = Object.values(this.current[type]) as RecordData<T>[];
    const sorted = records.sort((a, b) => compareIds(idOf(a), idOf(b)));
    return campaignId === undefined ? sorted : sorted.filter((data) => campaignOf(type, data) === campaignId);
  }

  /**
   * Loads a record and returns it; `NOT_FOUND` when it does not exist, `CONFLICT` when the caller
   * passed the version it read and the record has moved on since.
   */
  async require<T extends RecordType>(type: T, id: string, expectedVersion?: number): Promise<RecordData<T>> {
    await this.load(type, [id]);
    const data = this.get(type, id);
    if (data === undefined) throw new CampaignKitError('NOT_FOUND', `There is no ${type} '${id}'`, { details: { ids: [id], type } });
    const version = this.versionOf(type, id);
    if (expectedVersion !== undefined && expectedVersion !== version) throw versionConflict({ type, id }, expectedVersion, version);
    return data;
  }

  /** Loads a record that a create is about to add; `CONFLICT` when it exists already. */
  async reserve(type: RecordType, id: string): Promise<void> {
    await this.load(type, [id]);
    const version = this.versionOf(type, id);
    if (version === 0) return;
    const existing = this.get(type, id);
    // Ids are unique across campaigns: say the id is taken, but nothing of a record the actor may not read.
    if (existing === undefined || visible(this.ctx, type, existing) === null) {
      throw new CampaignKitError('CONFLICT', `The id '${id}' is taken; choose another id or leave it out to get a new one`, { details: { ids: [id], type, expectedVersion: 0 } });
    }
    throw new CampaignKitError('CONFLICT', `A ${type} '${id}' already exists; choose another id or leave it out to get a new one`, {
      details: { ids: [id], type, expectedVersion: 0, actualVersion: version },
    });
  }

  /** The version the record had when loaded (0 when it did not exist). */
  versionOf(type: RecordType, id: string): number {
    return this.loaded.get(keyText(type, id))?.version ?? 0;
  }

  /** Changes the records with an immer recipe; the patches are kept for the audit trail. */
  change(recipe: (draft: Draft<RecordState>) => void): void {
    const [next, patches, inverse] = immer.produceWithPatches(this.current, recipe);
    this.current = next;
    this.patches.push(...patches);
    this.inversePatches.unshift(...inverse);
  }

  /** Applies immer patches (paths starting with type and id) to the loaded records, recording new patches. */
  applyPatches(patches: readonly Patch[]): void {
    this.change((draft) => {
      immer.applyPatches(draft, patches as Patch[]);
    });
  }

  /** Announces what the command did, once it commits. */
  emit<K extends WorkspaceEventType>(type: K, about: Key, payload: WorkspaceEventPayloads[K]): void {
    this.primary.push({ type, about, payload } as EventDraft);
  }

  /**
   * Announces an event a workflow function returned. Its fields are the workspace event's own
   * (`WorkspaceEventPayloads` declares those types as the workflow's, without `type`).
   */
  emitWorkflow(about: Key, event: WorkflowEvent): void {
    const { type, ...payload } = event;
    this.primary.push({ type, about, payload } as EventDraft);
  }

  /** Announces a consequence (a task rescheduled, a threshold crossed), after the command's own events. */
  emitDerived<K extends WorkspaceEventType>(type: K, about: Key, payload: WorkspaceEventPayloads[K]): void {
    this.derived.push({ type, about, payload } as EventDraft);
  }

  /** The events to announce, in order: the command's own, then their consequences. */
  get events(): readonly EventDraft[] {
    return [...this.primary, ...this.derived];
  }

  /**
   * Runs `hook` with the records as saved (their versions are the storage's), inside the
   * transaction, before the command log, audit entry and events are written.
   */
  afterSave(hook: (saved: readonly SavedRecord[]) => void): void {
    this.saveHooks.push(hook);
  }

  /** Runs `hook` after the transaction commits (never when the command fails). */
  afterCommit(hook: () => void): void {
    this.commitHooks.push(hook);
  }

  /** The after-commit hooks, in order. */
  get hooks(): readonly (() => void)[] {
    return this.commitHooks;
  }

  /** The keys of the records the patches touch, in the order first touched. */
  changedKeys(): Key[] {
    const keys = new Map<string, Key>();
    for (const patch of this.patches) {
      const [type, id] = patch.path;
      if (typeof type !== 'string' || typeof id !== 'string') {
        throw new CampaignKitError('INVALID_STATE', 'a command replaced a whole record collection; change records one at a time');
      }
      keys.set(keyText(type, id), { type: type as RecordType, id });
    }
    return [...keys.values()];
  }

  /**
   * Validates every changed record with its model schema and writes it at the version loaded: a
   * create expects version 0, an update or delete the version read. Returns what was saved.
   */
  async save(): Promise<SavedRecord[]> {
    const saved = await this.saveChanged();
    for (const hook of this.saveHooks) hook(saved);
    return saved;
  }

  private async saveChanged(): Promise<SavedRecord[]> {
    const saved: SavedRecord[] = [];
    for (const { type, id } of this.changedKeys()) {
      const before = this.versionOf(type, id);
      const after: unknown = this.get(type, id);
      if (after === undefined) {
        if (before === 0) continue;
        await this.tx.delete(type, id, { expectedVersion: before });
        saved.push({ type, id, version: 0, before, campaignId: this.campaignBefore(type, id) });
        continue;
      }
      parseInput(RECORD_SCHEMAS[type], after, type);
      const campaignId = campaignOf(type, after);
      const record = await this.tx.put({ type, id, campaignId, data: after }, { expectedVersion: before });
      saved.push({ type, id, version: record.version, before, campaignId });
    }
    return saved;
  }

  /** The campaign of a record as loaded (for deleted records). */
  private campaignBefore(type: RecordType, id: string): string | null {
    for (const patch of this.inversePatches) {
      if (patch.path.length === 2 && patch.path[0] === type && patch.path[1] === id) return campaignOf(type, patch.value);
    }
    return null;
  }

  private add(type: RecordType, found: Record<string, unknown>): void {
    if (Object.keys(found).length === 0) return;
    const records = { ...this.current[type], ...found };
    this.current = { ...this.current, [type]: records };
  }
}

function idOf(data: unknown): string {
  const id = (data as { id?: unknown; campaignId?: unknown }).id ?? (data as { campaignId?: unknown }).campaignId;
  return typeof id === 'string' ? id : '';
}

/** A stable order of ids (UTF-16 code units). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
