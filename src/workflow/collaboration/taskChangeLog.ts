import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { MemberIdSchema, type MemberId } from '../../model/ids.js';
import { InstantSchema } from '../../model/primitives.js';

const PatchSchema = z.object({
  /** immer's patch operation. */
  op: z.enum(['add', 'remove', 'replace']),
  /** Path inside the entity. */
  path: z.array(z.union([z.string(), z.number()])).readonly(),
  /** New value (`add`, `replace`). */
  value: z.unknown().optional(),
});

/**
 * An audit entry about one entity: who changed which entity when, as immer patches relative to the
 * entity (and, optionally, the inverse patches, which give the previous values).
 */
export const EntityAuditEntrySchema = z.object({
  /** When. */
  at: InstantSchema,
  /** Who. */
  actorId: MemberIdSchema,
  /** Entity type, e.g. `task`. */
  entityType: z.string().min(1),
  /** Entity id. */
  entityId: z.string().min(1),
  /** Command or action name, e.g. `task.transition`. */
  action: z.string().optional(),
  /** Changes, as immer patches relative to the entity. */
  patches: z.array(PatchSchema).readonly().default([]),
  /** immer's inverse patches, for previous values. */
  inversePatches: z.array(PatchSchema).readonly().default([]),
});

/**
 * A workspace's own audit entry (what `audit.list` and `audit.history` return): one command, with
 * patches whose paths start at the record type and id (`['task', 'plan', 'status']`), so one entry
 * can change several tasks (a duration change that moves its successors).
 */
export const WorkspaceAuditEntrySchema = z.object({
  /** When. */
  at: InstantSchema,
  /** Who. */
  actor: MemberIdSchema,
  /** The command's name, e.g. `task.transition`. */
  command: z.string().min(1),
  /** Changes, as immer patches from the workspace's record state. */
  patches: z.array(PatchSchema).readonly(),
  /** Inverse patches, for previous values. */
  inversePatches: z.array(PatchSchema).readonly().default([]),
});

/** The audit entries the change log reads: either shape, mixed freely. */
export const AuditEntryLikeSchema = z.union([EntityAuditEntrySchema, WorkspaceAuditEntrySchema]);
/** The part of an audit entry the change log reads. */
export type AuditEntryLike = z.input<typeof AuditEntryLikeSchema>;

type Patch = z.output<typeof PatchSchema>;
type Parsed = z.output<typeof AuditEntryLikeSchema>;

/** The entry as changes to task `taskId` alone, with paths relative to the task; `null` when it does not touch it. */
function aboutTask(entry: Parsed, taskId: string): { at: string; actorId: string; action?: string; patches: readonly Patch[]; inversePatches: readonly Patch[] } | null {
  if ('entityType' in entry) {
    if (entry.entityType !== 'task' || entry.entityId !== taskId) return null;
    return { at: entry.at, actorId: entry.actorId, ...(entry.action === undefined ? {} : { action: entry.action }), patches: entry.patches, inversePatches: entry.inversePatches };
  }
  const own = (patches: readonly Patch[]) => patches.filter((p) => p.path[0] === 'task' && p.path[1] === taskId).map((p) => ({ ...p, path: p.path.slice(2) }));
  const patches = own(entry.patches);
  if (patches.length === 0) return null;
  return { at: entry.at, actorId: entry.actor, action: entry.command, patches, inversePatches: own(entry.inversePatches) };
}

/** One field change. */
export interface FieldChange {
  /** Field path, e.g. `status` or `checklist[2].done`. */
  readonly field: string;
  /** Operation. */
  readonly op: 'add' | 'remove' | 'replace';
  /** Previous value, when the inverse patches give it. */
  readonly from?: unknown;
  /** New value (absent for a removal). */
  readonly to?: unknown;
}

/** One entry of a task's change log. */
export interface ChangeLogEntry {
  /** When. */
  readonly at: string;
  /** Who. */
  readonly actorId: MemberId;
  /** The command or action. */
  readonly action?: string;
  /** Field changes. */
  readonly changes: readonly FieldChange[];
}

function fieldOf(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? key : `${text}.${key}`), '');
}

/**
 * A task's change log from the audit trail: the entries about the task, oldest first, each with
 * its field changes (previous values included when the entry keeps inverse patches).
 *
 * @example
 * ```ts
 * taskChangeLog([{ at: '2026-03-02T01:00:00Z', actorId: 'm-li', entityType: 'task', entityId: 'plan', action: 'task.transition',
 *   patches: [{ op: 'replace', path: ['status'], value: 'in_progress' }], inversePatches: [{ op: 'replace', path: ['status'], value: 'todo' }] }], 'plan');
 * // [{ at: '2026-03-02T01:00:00Z', actorId: 'm-li', action: 'task.transition', changes: [{ field: 'status', op: 'replace', from: 'todo', to: 'in_progress' }] }]
 * ```
 */
export function taskChangeLog(entries: readonly AuditEntryLike[], taskId: string): ChangeLogEntry[] {
  const parsed = parseInput(z.array(AuditEntryLikeSchema), entries, 'audit entries');
  const id = parseInput(z.string().min(1), taskId, 'task id');
  return parsed
    .flatMap((entry, i) => {
      const own = aboutTask(entry, id);
      return own === null ? [] : [{ entry: own, i }];
    })
    .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.i - b.i)
    .map(({ entry }) => {
      const previous = new Map(entry.inversePatches.map((p) => [fieldOf(p.path), p]));
      const changes = entry.patches.map((patch): FieldChange => {
        const field = fieldOf(patch.path);
        const before = previous.get(field);
        return {
          field,
          op: patch.op,
          ...(before !== undefined && before.op !== 'remove' ? { from: before.value } : {}),
          ...(patch.op === 'remove' ? {} : { to: patch.value }),
        };
      });
      return { at: entry.at, actorId: entry.actorId as MemberId, ...(entry.action === undefined ? {} : { action: entry.action }), changes };
    });
}
