import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { METRIC_DIRECTIONS, MetricIdSchema, type MetricDirection } from '../model/kpi.js';
import { ratAbs, ratCompare, ratDiv, ratFromNumber, ratSub, ratToNumber, type Rational } from './_rational.js';
import { registryOption } from './_registryOption.js';
import type { MetricRegistry } from './createMetricRegistry.js';

/** Default relative shortfall that still counts as on track (5 %). */
export const DEFAULT_TARGET_TOLERANCE = 0.05;

/** How an actual value stands against its target; `unknown` when there is no actual value. */
export type TargetStatus = 'onTrack' | 'atRisk' | 'offTrack' | 'unknown';

/** Input of {@link compareToTarget}. */
export const TargetComparisonInputSchema = z
  .object({
    /** Metric id or alias; its direction decides whether above target is good. */
    metric: MetricIdSchema,
    /** Target value, in the metric's unit (rates as fractions, money in minor units). */
    target: z.number(),
    /** Actual value, or `null` when it could not be computed. */
    actual: z.number().nullable(),
    /** Relative shortfall still on track; default 0.05. */
    tolerance: z.number().min(0).max(10).optional(),
    /** Relative shortfall still at risk rather than off track; default twice `tolerance`. */
    atRiskTolerance: z.number().min(0).max(10).optional(),
    /** Overrides the metric's direction (needed for a metric the registry does not know). */
    direction: z.enum(METRIC_DIRECTIONS).optional(),
  })
  .refine((c) => c.atRiskTolerance === undefined || c.atRiskTolerance >= (c.tolerance ?? DEFAULT_TARGET_TOLERANCE), {
    message: 'atRiskTolerance must not be smaller than tolerance',
    path: ['atRiskTolerance'],
  });
/** Input of {@link compareToTarget}. */
export type TargetComparisonInput = z.input<typeof TargetComparisonInputSchema>;

/** Result of {@link compareToTarget}. */
export interface TargetComparison {
  /** `actual − target`, in the metric's unit; `null` without an actual value (or beyond the number range). */
  readonly difference: number | null;
  /** `(actual − target) / |target|`: −0.16 means 16 % below target; `null` when the target is 0. */
  readonly varianceRate: number | null;
  /** On track, at risk or off track, judged in the metric's direction. */
  readonly status: TargetStatus;
  /** How far the actual falls short in the bad direction, relative to |target| (negative = ahead). */
  readonly shortfall: number | null;
  /** The direction used. */
  readonly direction: MetricDirection;
  /** Why `varianceRate` is `null`, when it is. */
  readonly reason?: string;
}

function statusOf(shortfall: Rational, tolerance: number, atRiskTolerance: number): TargetStatus {
  if (ratCompare(shortfall, ratFromNumber(tolerance)) <= 0) return 'onTrack';
  return ratCompare(shortfall, ratFromNumber(atRiskTolerance)) <= 0 ? 'atRisk' : 'offTrack';
}

/**
 * Compares an actual metric value with its target. The variance rate is `(actual − target) /
 * |target|`, exact on the decimals given. The status follows the metric's direction: for a
 * lower-is-better metric (CPL, CPA, CPC, CPM, CAC) being below target is good. A shortfall of at
 * most `tolerance` is on track, at most `atRiskTolerance` (default twice `tolerance`) at risk,
 * more is off track. With a target of 0 there is no variance rate, and the status is on track
 * when the actual meets the target in the metric's direction, off track otherwise.
 *
 * @throws CampaignKitError `VALIDATION` for bad input, `NOT_FOUND` for an unknown metric without
 * an explicit `direction`.
 * @example
 * ```ts
 * compareToTarget({ metric: 'leads', target: 5000, actual: 4200 });
 * // { difference: -800, varianceRate: -0.16, status: 'offTrack', shortfall: 0.16, direction: 'higher' }
 * compareToTarget({ metric: 'cvr', target: 0.08, actual: 0.1 });
 * // { difference: 0.02, varianceRate: 0.25, status: 'onTrack', shortfall: -0.25, direction: 'higher' }
 * compareToTarget({ metric: 'cpl', target: 3000, actual: 3200 });
 * // { difference: 200, varianceRate: 0.0666…, status: 'atRisk', shortfall: 0.0666…, direction: 'lower' }
 * ```
 */
export function compareToTarget(input: TargetComparisonInput, options: { readonly registry?: MetricRegistry } = {}): TargetComparison {
  const parsed = parseInput(TargetComparisonInputSchema, input, 'target comparison');
  const registry = registryOption(options);
  const direction = parsed.direction ?? registry.get(parsed.metric)?.direction;
  if (direction === undefined) {
    throw new CampaignKitError('NOT_FOUND', `Unknown metric "${parsed.metric}"; register it or pass its direction`, {
      details: { ids: [parsed.metric] },
    });
  }
  if (parsed.actual === null) {
    return { difference: null, varianceRate: null, status: 'unknown', shortfall: null, direction, reason: 'the actual value is unavailable' };
  }
  const tolerance = parsed.tolerance ?? DEFAULT_TARGET_TOLERANCE;
  const atRiskTolerance = parsed.atRiskTolerance ?? 2 * tolerance;
  const target = ratFromNumber(parsed.target);
  const difference = ratSub(ratFromNumber(parsed.actual), target);
  const variance = ratDiv(difference, ratAbs(target));
  if (variance === null) {
    const meets = direction === 'higher' ? difference.num >= 0n : difference.num <= 0n;
    return {
      difference: ratToNumber(difference),
      varianceRate: null,
      status: meets ? 'onTrack' : 'offTrack',
      shortfall: null,
      direction,
      reason: 'the target is 0, so a variance rate is undefined',
    };
  }
  const shortfall = direction === 'higher' ? { num: -variance.num, den: variance.den } : variance;
  const varianceRate = ratToNumber(variance);
  return {
    difference: ratToNumber(difference),
    varianceRate,
    status: statusOf(shortfall, tolerance, atRiskTolerance),
    shortfall: ratToNumber(shortfall),
    direction,
    // A target like 1e-300 makes the exact rate larger than any number; the status is still exact.
    ...(varianceRate === null ? { reason: 'the variance rate is too large for a number' } : {}),
  };
}
