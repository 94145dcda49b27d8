import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { invalidField, parseInput } from '../core/validate.js';
import { ObjectiveIdSchema } from '../model/ids.js';
import { ObjectiveSchema, type Objective, type ObjectiveInput } from '../model/objective.js';
import { IsoDateSchema } from '../model/primitives.js';
import { STATUS_CATEGORIES } from '../model/task.js';
import { findCycle } from './_findCycle.js';
import { ratAdd, ratDiv, ratFromNumber, ratInt, ratMul, ratToNumber, type Rational } from './_rational.js';
import { expectedProgress } from './expectedProgress.js';
import { keyResultProgress, type ProgressResult } from './keyResultProgress.js';
import { DEFAULT_OKR_THRESHOLDS, OkrThresholdsSchema, progressStatus, type OkrStatus } from './progressStatus.js';

/** A task or milestone counted towards an objective whose progress source is `tasks` or `milestones`. */
export const ObjectiveWorkItemSchema = z.object({
  /** The objective the work serves. */
  objectiveId: ObjectiveIdSchema,
  /** The task's status category; `done` counts as complete, `cancelled` is left out. */
  statusCategory: z.enum(STATUS_CATEGORIES),
  /** Whether it is a milestone. */
  milestone: z.boolean().default(false),
});

/** Input of {@link rollupObjectives}. */
export const RollupInputSchema = z.object({
  /** Every objective of the tree (parents included). */
  objectives: z.array(ObjectiveSchema).max(10_000),
  /** The day to judge at, counted as finished. */
  asOf: IsoDateSchema,
  /** Tasks and milestones by objective, for the `tasks` and `milestones` progress sources. */
  work: z.array(ObjectiveWorkItemSchema).default([]),
  /**
   * Latest key-result values by key-result id, overriding their `current`: numbers, or what
   * {@link measureKeyResults} returns as is (`{ value }`; a `null` value keeps `current`).
   */
  currentValues: z.record(z.string(), z.union([z.number(), z.object({ value: z.number().nullable() }).transform((r) => r.value ?? undefined)])).default({}),
  /** Pace thresholds; default {@link DEFAULT_OKR_THRESHOLDS}. */
  thresholds: OkrThresholdsSchema.optional(),
});
/** Input of {@link rollupObjectives}. */
export type RollupInput = Omit<z.input<typeof RollupInputSchema>, 'objectives'> & { readonly objectives: readonly ObjectiveInput[] };

/** A key result's progress and status. */
export interface KeyResultRollup {
  /** Key-result id. */
  readonly id: string;
  /** The value used as current. */
  readonly current: number;
  /** Progress 0–1, or `null` (see `reason`). */
  readonly progress: number | null;
  /** Expected progress at `asOf`, from the objective's period. */
  readonly expected: number;
  /** Status against the expected pace. */
  readonly status: OkrStatus;
  /** Why `progress` is `null`, when it is. */
  readonly reason?: string;
}

/** One part of a weighted objective progress: a key result or a child objective. */
export interface ProgressContribution {
  /** What contributes. */
  readonly kind: 'keyResult' | 'child';
  /** Its id. */
  readonly id: string;
  /** Its weight as entered (0–1). */
  readonly weight: number;
  /** Its weight normalized over the parts that have progress; `null` when it has none and is left out. */
  readonly share: number | null;
  /** Its progress. */
  readonly progress: number | null;
}

/** An objective's progress, expected progress and status. */
export interface ObjectiveRollup {
  /** Objective id. */
  readonly id: string;
  /** Parent objective id. */
  readonly parentId?: string;
  /** Where the progress came from. */
  readonly source: Objective['progressSource'];
  /** Progress 0–1, or `null` (see `reason`). */
  readonly progress: number | null;
  /** Share of the objective's period elapsed at `asOf`. */
  readonly expected: number;
  /** Status against the expected pace. */
  readonly status: OkrStatus;
  /** Why `progress` is `null`, when it is. */
  readonly reason?: string;
  /** Every key result, whatever the source. */
  readonly keyResults: readonly KeyResultRollup[];
  /** The weighted parts, for the `keyResults` and `children` sources. */
  readonly contributions: readonly ProgressContribution[];
}

interface Part {
  readonly kind: ProgressContribution['kind'];
  readonly id: string;
  readonly weight: number;
  readonly progress: number | null;
}

function weightedMean(parts: readonly Part[], empty: string): { result: ProgressResult; contributions: ProgressContribution[] } {
  const counted = parts.filter((p) => p.progress !== null);
  const total = counted.reduce<Rational>((sum, p) => ratAdd(sum, ratFromNumber(p.weight)), ratInt(0));
  const share = (p: Part) => {
    const value = p.progress === null ? null : ratDiv(ratFromNumber(p.weight), total);
    return value === null ? null : ratToNumber(value);
  };
  const contributions = parts.map((p) => ({ kind: p.kind, id: p.id, weight: p.weight, share: share(p), progress: p.progress }));
  if (counted.length === 0) return { result: { progress: null, reason: empty }, contributions };
  const weighted = counted.reduce<Rational>((sum, p) => ratAdd(sum, ratMul(ratFromNumber(p.weight), ratFromNumber(p.progress ?? 0))), ratInt(0));
  const mean = ratDiv(weighted, total);
  if (mean === null) return { result: { progress: null, reason: 'every weight is 0' }, contributions };
  return { result: { progress: ratToNumber(mean) ?? 0 }, contributions };
}

function completion(items: readonly z.output<typeof ObjectiveWorkItemSchema>[], what: string): ProgressResult {
  const live = items.filter((item) => item.statusCategory !== 'cancelled');
  if (live.length === 0) return { progress: null, reason: `no ${what} linked to the objective` };
  const done = live.filter((item) => item.statusCategory === 'done').length;
  return { progress: ratToNumber(ratDiv(ratInt(done), ratInt(live.length)) ?? ratInt(0)) ?? 0 };
}

function checkTree(objectives: readonly Objective[]): void {
  const ids = new Set<string>();
  const keyResults = new Set<string>();
  objectives.forEach((o, i) => {
    if (ids.has(o.id)) throw invalidField('objectives', ['objectives', i, 'id'], `objective id ${o.id} appears twice`);
    ids.add(o.id);
    o.keyResults.forEach((kr, j) => {
      if (keyResults.has(kr.id)) throw invalidField('objectives', ['objectives', i, 'keyResults', j, 'id'], `key result id ${kr.id} appears twice`);
      keyResults.add(kr.id);
    });
  });
  const missing = objectives.filter((o) => o.parentId !== undefined && !ids.has(o.parentId)).map((o) => String(o.parentId));
  if (missing.length > 0) {
    throw new CampaignKitError('NOT_FOUND', `Parent objective${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not found; pass the whole tree`, {
      details: { ids: missing },
    });
  }
  const parentOf = new Map(objectives.map((o) => [o.id as string, o.parentId]));
  const cycle = findCycle([...parentOf.keys()], (id) => {
    const parent = parentOf.get(id);
    return parent === undefined ? [] : [parent];
  });
  if (cycle) throw new CampaignKitError('CYCLE', `Objectives are each other's parents: ${cycle.join(' → ')}`, { details: { cycle } });
}

/**
 * Rolls OKR progress up the objective tree. A key result's progress is
 * `clamp((current − start) / (target − start), 0, 1)`; an objective's comes from its
 * `progressSource`: `keyResults` (mean of its key results weighted by their weights), `children`
 * (mean of its child objectives weighted by theirs), `tasks` or `milestones` (done over not
 * cancelled), or `manual`. Weights are normalized over the parts that have progress. Each
 * objective and key result is labelled against the share of its period elapsed at `asOf` (see
 * `progressStatus`).
 *
 * @throws CampaignKitError `VALIDATION` for bad input or duplicate ids, `NOT_FOUND` for a missing
 * parent, `CYCLE` when objectives are each other's parents.
 * @example
 * ```ts
 * rollupObjectives({
 *   asOf: '2026-06-30',
 *   objectives: [
 *     { id: 'grow', name: 'Grow revenue', periodStart: '2026-01-01', periodEnd: '2026-12-31', progressSource: 'children' },
 *     { id: 'leads', parentId: 'grow', name: 'More leads', periodStart: '2026-01-01', periodEnd: '2026-06-30', weight: 1,
 *       keyResults: [{ id: 'kr1', name: '5,000 leads', target: 5000, current: 4200 }] },
 *   ],
 * });
 * // [{ id: 'grow', progress: 0.84, expected: 0.4958…, status: 'onTrack', … },
 * //  { id: 'leads', progress: 0.84, expected: 1, status: 'onTrack', … }]
 * ```
 */
export function rollupObjectives(input: RollupInput): ObjectiveRollup[] {
  const parsed = parseInput(RollupInputSchema, input, 'objective rollup');
  const { objectives, asOf, work, currentValues } = parsed;
  const thresholds = parsed.thresholds ?? DEFAULT_OKR_THRESHOLDS;
  checkTree(objectives);

  const children = new Map<string, Objective[]>();
  for (const o of objectives) {
    if (o.parentId === undefined) continue;
    const siblings = children.get(o.parentId);
    if (siblings) siblings.push(o);
    else children.set(o.parentId, [o]);
  }
  const done = new Map<string, ObjectiveRollup>();

  const roll = (o: Objective): ObjectiveRollup => {
    const expected = expectedProgress({ periodStart: o.periodStart, periodEnd: o.periodEnd, asOf });
    const keyResults = o.keyResults.map((kr): KeyResultRollup => {
      const current = (Object.hasOwn(currentValues, kr.id) ? currentValues[kr.id] : undefined) ?? kr.current;
      const p = keyResultProgress({ start: kr.start, target: kr.target, current });
      const status = progressStatus(p.progress, expected, thresholds);
      return { id: kr.id, current, progress: p.progress, expected, status, ...(p.reason !== undefined ? { reason: p.reason } : {}) };
    });
    let result: ProgressResult;
    let contributions: ProgressContribution[] = [];
    if (o.progressSource === 'keyResults') {
      const parts = o.keyResults.map((kr, i) => ({ kind: 'keyResult' as const, id: kr.id, weight: kr.weight, progress: keyResults[i]?.progress ?? null }));
      ({ result, contributions } = weightedMean(parts, 'no key result has progress'));
    } else if (o.progressSource === 'children') {
      const parts = (children.get(o.id) ?? []).map((child) => ({ kind: 'child' as const, id: child.id, weight: child.weight, progress: done.get(child.id)?.progress ?? null }));
      ({ result, contributions } = weightedMean(parts, 'no child objective has progress'));
    } else if (o.progressSource === 'manual') {
      result = o.manualProgress === undefined ? { progress: null, reason: 'no manual progress entered' } : { progress: o.manualProgress };
    } else {
      const milestones = o.progressSource === 'milestones';
      result = completion(work.filter((w) => w.objectiveId === o.id && (!milestones || w.milestone)), milestones ? 'milestones' : 'tasks');
    }
    const rollup: ObjectiveRollup = {
      id: o.id,
      ...(o.parentId !== undefined ? { parentId: o.parentId } : {}),
      source: o.progressSource,
      progress: result.progress,
      expected,
      status: progressStatus(result.progress, expected, thresholds),
      ...(result.reason !== undefined ? { reason: result.reason } : {}),
      keyResults,
      contributions,
    };
    done.set(o.id, rollup);
    return rollup;
  };
  // Deepest first, so every child is rolled up before its parent reads it; no recursion, so a
  // tree thousands of levels deep cannot overflow the stack.
  const depth = depthsOf(objectives);
  [...objectives].sort((a, b) => (depth.get(b.id) ?? 0) - (depth.get(a.id) ?? 0)).forEach(roll);
  return objectives.map((o) => done.get(o.id) ?? roll(o));
}

/** Each objective's distance from its root (0 for a root), for a tree already checked for cycles. */
function depthsOf(objectives: readonly Objective[]): Map<string, number> {
  const parentOf = new Map(objectives.map((o) => [o.id as string, o.parentId as string | undefined]));
  const depth = new Map<string, number>();
  for (const o of objectives) {
    const unknown: string[] = [];
    let id: string | undefined = o.id;
    while (id !== undefined && !depth.has(id)) {
      unknown.push(id);
      id = parentOf.get(id);
    }
    let level = id === undefined ? -1 : (depth.get(id) ?? -1);
    for (let i = unknown.length - 1; i >= 0; i--) depth.set(unknown[i] ?? '', ++level);
  }
  return depth;
}
