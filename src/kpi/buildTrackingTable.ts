import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { KpiTargetSchema, MeasurementSchema, type KpiTargetInput, type MeasurementInput, type MetricDirection, type MetricUnit } from '../model/kpi.js';
import { registryOption } from './_registryOption.js';
import { aggregateMeasurements } from './aggregateMeasurements.js';
import { compareToTarget, type TargetStatus } from './compareToTarget.js';
import { explainMetrics } from './computeMetrics.js';
import type { MetricRegistry } from './createMetricRegistry.js';

/** One row of the campaign effect tracking table: a target against its actual value. */
export interface TrackingRow {
  /** The target's id. */
  readonly targetId: string;
  /** The tracked activity: the target's `activity`, else the campaign's name from `activityNames`, else its id. */
  readonly activity: string;
  /** The campaign. */
  readonly campaignId: string;
  /** The channel, for a per-channel target. */
  readonly channel?: string;
  /** The metric id (as the target names it). */
  readonly metric: string;
  /** The metric's display name. */
  readonly metricName: string;
  /** The metric's unit. */
  readonly unit: MetricUnit;
  /** Whether higher or lower is better. */
  readonly direction: MetricDirection;
  /** The target value. */
  readonly target: number;
  /** The actual value from the measurements, or `null` (see `explanation`). */
  readonly actual: number | null;
  /** `actual − target`. */
  readonly difference: number | null;
  /** `(actual − target) / |target|`. */
  readonly varianceRate: number | null;
  /** On track, at risk, off track or unknown. */
  readonly status: TargetStatus;
  /** The team's explanation of the variance (from the target). */
  readonly reason?: string;
  /** The team's improvement direction (from the target). */
  readonly improvement?: string;
  /** Why `actual` or `varianceRate` is `null`, when one is. */
  readonly explanation?: string;
}

/** Input of {@link buildTrackingTable}. */
export const TrackingTableInputSchema = z.object({
  /** The targets, one row each, in order. */
  targets: z.array(KpiTargetSchema),
  /** Raw measurements; each target sums those of its campaign, channel and period. */
  measurements: z.array(MeasurementSchema),
  /** Display names of campaigns by id. */
  activityNames: z.record(z.string(), z.string()).optional(),
});

/** Input of {@link buildTrackingTable}. */
export interface TrackingTableInput {
  /** The targets, one row each, in order. */
  readonly targets: readonly KpiTargetInput[];
  /** Raw measurements; each target sums those of its campaign, channel and period. */
  readonly measurements: readonly MeasurementInput[];
  /** Display names of campaigns by id. */
  readonly activityNames?: Readonly<Record<string, string>>;
}

/**
 * Builds the campaign effect tracking table: for each target, the actual value computed from the
 * measurements of its campaign (and channel and period, when set), the difference, the variance
 * rate and the status, with the team's reason and improvement direction carried along.
 *
 * @throws CampaignKitError `VALIDATION` for a bad target, measurement or option (with its path), `NOT_FOUND` for a target
 * on an unknown metric, `CURRENCY_MISMATCH` when a target's measurements mix currencies.
 * @example
 * ```ts
 * buildTrackingTable({
 *   targets: [{ id: 't1', campaignId: 'spring', metric: 'leads', target: 5000, reason: 'Fewer trade-show visitors' }],
 *   measurements: [{ id: 'm1', campaignId: 'spring', date: '2026-03-02', values: { leads: 4200 } }],
 * });
 * // [{ targetId: 't1', activity: 'spring', campaignId: 'spring', metric: 'leads', metricName: 'Leads', unit: 'count',
 * //    direction: 'higher', target: 5000, actual: 4200, difference: -800, varianceRate: -0.16, status: 'offTrack',
 * //    reason: 'Fewer trade-show visitors' }]
 * ```
 */
export function buildTrackingTable(input: TrackingTableInput, options: { readonly registry?: MetricRegistry } = {}): TrackingRow[] {
  const { targets, measurements, activityNames: names = {} } = parseInput(TrackingTableInputSchema, input, 'tracking table input');
  const registry = registryOption(options);
  return targets.map((t) => {
    const metric = registry.get(t.metric);
    if (!metric) {
      throw new CampaignKitError('NOT_FOUND', `Target ${t.id} is on unknown metric "${t.metric}"; register it with createMetricRegistry`, {
        details: { ids: [t.metric] },
      });
    }
    const relevant = measurements.filter((m) => m.campaignId === t.campaignId && (t.channel === undefined || m.channel === t.channel));
    const [group] = aggregateMeasurements(relevant, { from: t.periodStart, to: t.periodEnd });
    const result = explainMetrics(group?.inputs ?? {}, [t.metric], { registry })[t.metric];
    const actual = result?.value ?? null;
    const comparison = compareToTarget(
      { metric: t.metric, target: t.target, actual, tolerance: t.tolerance, atRiskTolerance: t.atRiskTolerance },
      { registry },
    );
    const explanation = result?.reason?.message ?? comparison.reason;
    return {
      targetId: t.id,
      activity: t.activity ?? (Object.hasOwn(names, t.campaignId) ? names[t.campaignId] : undefined) ?? t.campaignId,
      campaignId: t.campaignId,
      ...(t.channel !== undefined ? { channel: t.channel } : {}),
      metric: t.metric,
      metricName: metric.name,
      unit: metric.unit,
      direction: metric.direction,
      target: t.target,
      actual,
      difference: comparison.difference,
      varianceRate: comparison.varianceRate,
      status: comparison.status,
      ...(t.reason !== undefined ? { reason: t.reason } : {}),
      ...(t.improvement !== undefined ? { improvement: t.improvement } : {}),
      ...(explanation !== undefined ? { explanation } : {}),
    };
  });
}
