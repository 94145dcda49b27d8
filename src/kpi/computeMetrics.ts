import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { MetricIdSchema } from '../model/kpi.js';
import { evaluate, type Evaluation } from './_evaluate.js';
import { ratFromNumber, ratToNumber } from './_rational.js';
import { registryOption } from './_registryOption.js';
import type { MetricRegistry, RegisteredMetric } from './createMetricRegistry.js';
import { MetricInputValuesSchema } from './metricInputs.js';
import type { MetricNullReason, MetricResult } from './metricResult.js';

/** Options of {@link computeMetrics} and {@link explainMetrics}. */
export interface ComputeMetricsOptions {
  /** The metric definitions to use; default {@link defaultMetricRegistry} (built-ins only). */
  readonly registry?: MetricRegistry;
}

const MetricIdsSchema = z.array(MetricIdSchema).max(1000);

function missingInputs(inputs: readonly string[]): MetricNullReason {
  const list = inputs.join(', ');
  return { code: 'MISSING_INPUT', inputs, message: `missing input${inputs.length > 1 ? 's' : ''}: ${list}` };
}

function evaluator(values: Readonly<Record<string, number>>, registry: MetricRegistry) {
  const memo = new Map<string, Evaluation>();
  const inProgress = new Set<string>();

  const run = (metric: RegisteredMetric): Evaluation => {
    const known = memo.get(metric.id);
    if (known) return known;
    // A registry from createMetricRegistry has no cycles; this guards hand-built ones.
    if (inProgress.has(metric.id)) {
      throw new CampaignKitError('CYCLE', `Metric "${metric.id}" depends on itself`, { details: { cycle: [...inProgress, metric.id] } });
    }
    inProgress.add(metric.id);
    const missing = metric.requiredInputs.filter((name) => !Object.hasOwn(values, name));
    const inputs = new Set(metric.inputs);
    const result: Evaluation =
      missing.length > 0
        ? { ok: false, reason: missingInputs(missing) }
        : evaluate(metric.expression, (name) => {
            if (inputs.has(name)) return { ok: true, value: ratFromNumber(values[name] ?? 0) };
            const ref = registry.get(name);
            if (!ref) throw new CampaignKitError('NOT_FOUND', `Metric "${metric.id}" names unknown metric "${name}"`, { details: { ids: [name] } });
            const inner = run(ref);
            if (inner.ok) return inner;
            return { ok: false, reason: { code: 'METRIC_UNAVAILABLE', metric: ref.id, cause: inner.reason, message: `${ref.id} has no value (${inner.reason.message})` } };
          }, metric.id);
    inProgress.delete(metric.id);
    memo.set(metric.id, result);
    return result;
  };
  return run;
}

function toResult(evaluation: Evaluation): MetricResult {
  if (!evaluation.ok) return { value: null, reason: evaluation.reason };
  const value = ratToNumber(evaluation.value);
  return value === null ? { value: null, reason: { code: 'OUT_OF_RANGE', message: 'the result is too large for a number' } } : { value };
}

/**
 * Like {@link computeMetrics}, but each metric comes with the reason when it is `null`: a missing
 * input (named), a zero denominator (named as written in the formula), or a metric it depends on
 * that has no value. Values are exact: the formula is evaluated on the decimals you passed and
 * rounded once, so `(0.1 - 0.08) / 0.08` is `0.25`. Throws as {@link computeMetrics} does.
 *
 * @example
 * ```ts
 * explainMetrics({ spend: 50_000, clicks: 0, impressions: 20_000 }, ['ctr', 'cpc', 'cpl']);
 * // { ctr: { value: 0 },
 * //   cpc: { value: null, reason: { code: 'DIVISION_BY_ZERO', denominator: 'clicks', message: 'division by zero: clicks is 0' } },
 * //   cpl: { value: null, reason: { code: 'MISSING_INPUT', inputs: ['leads'], message: 'missing input: leads' } } }
 * ```
 */
export function explainMetrics(
  inputs: Readonly<Record<string, number>>,
  metricIds?: readonly string[],
  options: ComputeMetricsOptions = {},
): Record<string, MetricResult> {
  const values = withDefaults(parseInput(MetricInputValuesSchema, inputs, 'metric inputs'));
  const ids = metricIds === undefined ? undefined : parseInput(MetricIdsSchema, metricIds, 'metric ids');
  const registry = registryOption(options);
  const run = evaluator(values, registry);
  const results: Record<string, MetricResult> = {};

  if (ids === undefined) {
    for (const metric of registry.list()) {
      if (metric.requiredInputs.every((name) => Object.hasOwn(values, name))) results[metric.id] = toResult(run(metric));
    }
    return results;
  }
  const unknown = ids.filter((id) => registry.get(id) === undefined);
  if (unknown.length > 0) {
    throw new CampaignKitError('NOT_FOUND', `Unknown metric id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}; check the spelling or register the metric with createMetricRegistry`, {
      details: { ids: unknown },
    });
  }
  for (const id of ids) {
    const metric = registry.get(id);
    if (metric) results[id] = toResult(run(metric));
  }
  return results;
}

/**
 * Inputs that default to others when absent: the investment behind ROI (`cost`) and the marketing
 * cost behind CAC (`marketing_cost`) are the media spend unless given, and CAC's sales cost is 0
 * unless given, so a campaign that reports only its spend still gets its ROI and CAC.
 */
function withDefaults(values: Record<string, number>): Record<string, number> {
  const spend = values.spend;
  if (spend === undefined) return values;
  const out = { ...values };
  if (out.cost === undefined) out.cost = spend;
  if (out.marketing_cost === undefined) {
    out.marketing_cost = spend;
    if (out.sales_cost === undefined) out.sales_cost = 0;
  }
  return out;
}

/**
 * Turns raw channel numbers into marketing metrics. With no `metricIds`, returns every registered
 * metric whose inputs are all present; with `metricIds` (ids or aliases such as `roi_cn`), returns
 * exactly those, `null` where an input is missing. A zero denominator gives `null`, never NaN or
 * Infinity; {@link explainMetrics} says why. Rates are fractions (`0.05` for 5 %); cost-per
 * metrics are minor units of the spend's currency.
 *
 * @param inputs - raw numbers by name (`impressions`, `clicks`, `spend` in minor units, …).
 * @param metricIds - the metrics wanted; default every metric that can be computed.
 * @throws CampaignKitError `VALIDATION` for a non-number or fractional money input or bad options,
 * `NOT_FOUND` for an unknown metric id, `LIMIT_EXCEEDED` (with `details.metric`) when a formula's
 * exact intermediate value outgrows `FORMULA_LIMITS.maxExactBits`.
 * @example
 * ```ts
 * computeMetrics({ impressions: 20_000, clicks: 400, spend: 120_000, leads: 40 });
 * // { ctr: 0.02, cpc: 300, cpm: 6000, cpl: 3000, leads: 40, clicks: 400, exposure: 20000 }
 * computeMetrics({ revenue: 300_000, spend: 0 }, ['roas', 'roi_cn']); // { roas: null, roi_cn: null }
 * ```
 */
export function computeMetrics(
  inputs: Readonly<Record<string, number>>,
  metricIds?: readonly string[],
  options: ComputeMetricsOptions = {},
): Record<string, number | null> {
  const explained = explainMetrics(inputs, metricIds, options);
  return Object.fromEntries(Object.entries(explained).map(([id, result]) => [id, result.value]));
}
