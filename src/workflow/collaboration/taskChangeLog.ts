import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { MemberIdSchema, type MemberId } from '../../model/ids.js';
import { InstantSchema } from '../../model/primitives.js';

const PatchSchema = z.object({
  /** immer's patch operation. */
  op: z.enum(['add', 'remove', 'replace']),
  /** Path inside the entity. */
  path: z.array(z.union([z.string(), z.number()])),
  /** New value (`add`, `replace`). */
  value: z.unknown().optional(),
});

/**
 * The part of an audit entry the change log reads: who changed which entity when, as immer patches
 * relative to the entity (and, optionally, the inverse patches, which give the previous values).
 */
export const AuditEntryLikeSchema = z.object({
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
  patches: z.array(PatchSchema).default([]),
  /** immer's inverse patches, for previous values. */
  inversePatches: z.array(PatchSchema).default([]),
});
/** The part of an audit entry the change log reads. */
export type AuditEntryLike = z.input<typeof AuditEntryLikeSchema>;

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
  return parsed
    .map((entry, i) => ({ entry, i }))
    .filter(({ entry }) => entry.entityType === 'task' && entry.entityId === taskId)
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
      return { at: entry.at, actorId: entry.actorId, ...(entry.action === undefined ? {} : { action: entry.action }), changes };
    });
}
