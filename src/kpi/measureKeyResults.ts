import * as z from 'zod';
import { parseInput } from '../core/validate.js';
import { MeasurementSchema, type MeasurementInput } from '../model/kpi.js';
import { ObjectiveSchema, type ObjectiveInput } from '../model/objective.js';
import { registryOption } from './_registryOption.js';
import { aggregateMeasurements } from './aggregateMeasurements.js';
import { explainMetrics } from './computeMetrics.js';
import type { MetricRegistry } from './createMetricRegistry.js';
import type { MetricResult } from './metricResult.js';

/** Input of {@link measureKeyResults}; a campaign keeps only `id` and `keyResultIds`. */
export const MeasureKeyResultsInputSchema = z.object({
  /** Objectives whose key results name a `metric`. */
  objectives: z.array(ObjectiveSchema),
  /** Campaigns with the key results they serve. */
  campaigns: z.array(
    z.object({
      /** Campaign id. */
      id: z.string().min(1).max(200),
      /** Key results the campaign serves. */
      keyResultIds: z.array(z.string().min(1).max(200)).default([]),
    }),
  ),
  /** Raw measurements of those campaigns. */
  measurements: z.array(MeasurementSchema),
});

/** Input of {@link measureKeyResults}. */
export interface MeasureKeyResultsInput {
  /** Objectives whose key results name a `metric`. */
  readonly objectives: readonly ObjectiveInput[];
  /** Campaigns with the key results they serve (only `id` and `keyResultIds` are read). */
  readonly campaigns: readonly { readonly id: string; readonly keyResultIds?: readonly string[] }[];
  /** Raw measurements of those campaigns. */
  readonly measurements: readonly MeasurementInput[];
}

/**
 * The current value of every key result that names a metric, computed from the measurements of
 * the campaigns serving it (`campaign.keyResultIds`) within its objective's period: inputs are
 * summed across those campaigns, then the metric is computed once. Pass the numbers as
 * `currentValues` to `rollupObjectives`; a `null` comes with its reason.
 *
 * @throws CampaignKitError `VALIDATION` for bad input or options (with the path), `NOT_FOUND` for a key result on an unknown
 * metric, `CURRENCY_MISMATCH` when the campaigns' money inputs are in different currencies.
 * @example
 * ```ts
 * measureKeyResults({
 *   objectives: [{ id: 'o1', name: 'Pipeline', periodStart: '2026-04-01', periodEnd: '2026-06-30',
 *                  keyResults: [{ id: 'kr-leads', name: '5,000 leads', metric: 'leads', target: 5000 }] }],
 *   campaigns: [{ id: 'spring', keyResultIds: ['kr-leads'] }, { id: 'expo', keyResultIds: ['kr-leads'] }],
 *   measurements: [
 *     { id: 'm1', campaignId: 'spring', date: '2026-04-03', values: { leads: 1200 } },
 *     { id: 'm2', campaignId: 'expo', date: '2026-05-20', values: { leads: 800 } },
 *   ],
 * });
 * // { 'kr-leads': { value: 2000 } }
 * ```
 */
export function measureKeyResults(input: MeasureKeyResultsInput, options: { readonly registry?: MetricRegistry } = {}): Record<string, MetricResult> {
  const { objectives, campaigns, measurements } = parseInput(MeasureKeyResultsInputSchema, input, 'key result measurement input');
  const context = { registry: registryOption(options) };
  const results: Record<string, MetricResult> = {};
  for (const objective of objectives) {
    for (const kr of objective.keyResults) {
      if (kr.metric === undefined) continue;
      const serving = new Set(campaigns.filter((c) => c.keyResultIds.includes(kr.id)).map((c) => c.id));
      const relevant = measurements.filter((m) => serving.has(m.campaignId));
      const [group] = aggregateMeasurements(relevant, { from: objective.periodStart, to: objective.periodEnd }, context);
      const result = explainMetrics(group?.inputs ?? {}, [kr.metric], context)[kr.metric];
      if (result) results[kr.id] = result;
    }
  }
  return results;
}
