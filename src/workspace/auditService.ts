import * as z from 'zod';
import { canParsed } from '../access/can.js';
import { COST_FIELD_PATTERN } from '../access/redact.js';
import { parseInput } from '../core/validate.js';
import type { AuditEntry, AuditPatch, Page } from '../store/storageAdapter.js';
import { PageOptionsSchema } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { stripCosts } from '../access/redact.js';
import { assertAllowed } from './_reader.js';
import { campaignScope } from './_resources.js';
import { undoLast } from './_undo.js';
import type { PageOptions } from './serviceTypes.js';

/** What an undo did. */
export interface UndoResult {
  /** The undo command's id (its audit entry). */
  readonly commandId: string;
  /** The command undone. */
  readonly undoneCommandId: string;
  /** Its name, e.g. `task.update`. */
  readonly undoneCommand: string;
  /** Every record the undo wrote, with its version afterwards (0 = deleted). */
  readonly records: readonly { readonly type: string; readonly id: string; readonly version: number }[];
}

/** One value a command changed: where, and old → new (`undefined` = absent). */
export interface AuditChange {
  /** The record. */
  readonly type: string;
  /** Its id. */
  readonly id: string;
  /** Field path inside the record; empty when the whole record was created or deleted. */
  readonly path: readonly (string | number)[];
  /** The value before the command. */
  readonly from?: unknown;
  /** The value after it. */
  readonly to?: unknown;
}

/** An audit entry with its changes spelled out. */
export interface AuditRecord extends AuditEntry {
  /** Every value the command changed, old → new, in the order first changed. */
  readonly changes: readonly AuditChange[];
}

/** Filters and paging of {@link AuditService.list}. */
export interface AuditListOptions extends PageOptions {
  /** Only commands in this campaign. */
  readonly campaignId?: string;
  /** Only commands by this actor. */
  readonly actor?: string;
  /** Only commands targeting this record. */
  readonly aggregate?: { readonly type: string; readonly id: string };
  /** `asc` (oldest first, default) or `desc`. */
  readonly order?: 'asc' | 'desc';
}

/** Filters and paging of {@link AuditService.history}. */
export interface AuditHistoryOptions extends PageOptions {
  /** The record's campaign (its history is searched in the campaign's trail). */
  readonly campaignId: string;
  /** `asc` (oldest first, default) or `desc`. */
  readonly order?: 'asc' | 'desc';
}

/** The audit trail (`audit.read`) and undo. */
export interface AuditService {
  /**
   * Audit entries, filtered, each with its changes old → new.
   *
   * @example
   * ```ts
   * (await workspace.audit.list({ campaignId: 'launch', order: 'desc', limit: 1 })).items[0];
   * // { command: 'task.update', actor: 'm-li', at: '2026-03-02T09:00:00.000Z', aggregate: { type: 'task', id: 'brief', ... },
   * //   changes: [{ type: 'task', id: 'brief', path: ['duration'], from: '2d', to: '3d' }, { type: 'task', id: 'design', path: ['start'], ... }] }
   * ```
   */
  list(options?: AuditListOptions): Promise<Page<AuditRecord>>;
  /**
   * Every command that changed one record, as its target or on the way (a task moved by a
   * reschedule), with only that record's changes.
   */
  history(type: string, id: string, options: AuditHistoryOptions): Promise<Page<AuditRecord>>;
  /**
   * Undoes the actor's last command (not an undo, not undone yet) by applying its inverse patches
   * as a new, audited `undo` command; `CONFLICT` if any record it wrote has changed since.
   *
   * @example
   * ```ts
   * await workspace.tasks.update('brief', { duration: '3d' });
   * await workspace.audit.undoLast(); // brief is '2d' again and its successors are back where they were
   * ```
   */
  undoLast(): Promise<UndoResult>;
}

const KeySchema = z.object({
  /** Type. */
  type: z.string().min(1).max(100),
  /** Id. */
  id: z.string().min(1).max(200),
});
const ListSchema = PageOptionsSchema.extend({
  /** Campaign. */
  campaignId: z.string().min(1).max(200).optional(),
  /** Actor. */
  actor: z.string().min(1).max(200).optional(),
  /** Aggregate. */
  aggregate: KeySchema.optional(),
  /** Order. */
  order: z.enum(['asc', 'desc']).default('asc'),
});
const HistorySchema = PageOptionsSchema.extend({
  /** Campaign. */
  campaignId: z.string().min(1).max(200),
  /** Order. */
  order: z.enum(['asc', 'desc']).default('asc'),
});

const MONEY_RECORDS = new Set(['budgetLine', 'expense', 'budget']);

/**
 * Old → new per path: the last patch of a path holds the new value, and the last inverse patch of
 * it (inverse patches run backwards, so it undoes the first change) the old one.
 */
function changesOf(entry: AuditEntry): AuditChange[] {
  const before = new Map<string, AuditPatch>();
  for (const patch of entry.inversePatches) before.set(JSON.stringify(patch.path), patch);
  const after = new Map<string, AuditPatch>();
  for (const patch of entry.patches) after.set(JSON.stringify(patch.path), patch);
  return [...after.entries()].map(([key, patch]) => {
    const [type, id, ...path] = patch.path;
    const old = before.get(key);
    return {
      type: String(type),
      id: String(id),
      path,
      ...(old !== undefined && old.op !== 'remove' ? { from: old.value } : {}),
      ...(patch.op !== 'remove' ? { to: patch.value } : {}),
    };
  });
}

/** Leaves out what an actor without `budget.read` must not see: money records and cost fields. */
function withoutCosts(patches: readonly AuditPatch[]): AuditPatch[] {
  return patches
    .filter((p) => !MONEY_RECORDS.has(String(p.path[0])) && !p.path.some((k) => typeof k === 'string' && COST_FIELD_PATTERN.test(k)))
    .map((p) => (p.value === undefined ? p : { ...p, value: stripCosts(p.value) }));
}

function present(ctx: WorkspaceContext, entry: AuditEntry, only?: { type: string; id: string }): AuditRecord {
  const seesMoney = canParsed(ctx.actor, 'budget.read', campaignScope('budget', entry.aggregate.campaignId), ctx.policy).allowed;
  const touches = (p: AuditPatch) => only === undefined || (p.path[0] === only.type && p.path[1] === only.id);
  const patches = (seesMoney ? entry.patches : withoutCosts(entry.patches)).filter(touches);
  const inversePatches = (seesMoney ? entry.inversePatches : withoutCosts(entry.inversePatches)).filter(touches);
  const shown = { ...entry, patches, inversePatches };
  return { ...shown, changes: changesOf(shown) };
}

/** Builds the audit service of a workspace. */
export function createAuditService(ctx: WorkspaceContext): AuditService {
  return {
    async list(options = {}) {
      const query = parseInput(ListSchema, options, 'audit list options');
      assertAllowed(ctx, 'audit.read', campaignScope('audit', query.campaignId));
      const page = await ctx.storage.readAudit(query);
      return { items: page.items.map((entry) => present(ctx, entry)), nextCursor: page.nextCursor };
    },

    async history(type, id, options) {
      const key = parseInput(KeySchema, { type, id }, 'record');
      const { campaignId, limit, cursor, order } = parseInput(HistorySchema, options, 'audit history options');
      assertAllowed(ctx, 'audit.read', campaignScope('audit', campaignId));
      // The storage's index of touched records: no scan of the campaign's trail.
      const page = await ctx.storage.readAudit({ campaignId, touches: key, order, limit, ...(cursor === undefined ? {} : { cursor }) });
      return { items: page.items.map((entry) => present(ctx, entry, key)), nextCursor: page.nextCursor };
    },

    undoLast: async () => undoLast(ctx),
  };
}
