import * as z from 'zod';
import { periodsBetween, type PeriodUnit } from '../../calendar/periods.js';
import { CampaignKitError } from '../../core/errors.js';
import { invalidField, parseInput } from '../../core/validate.js';
import { aggregateMeasurements, type MeasurementGroup } from '../../kpi/aggregateMeasurements.js';
import { explainMetrics } from '../../kpi/computeMetrics.js';
import { defaultMetricRegistry, type MetricRegistry } from '../../kpi/createMetricRegistry.js';
import { expectedProgress } from '../../kpi/expectedProgress.js';
import { KpiTargetSchema, MeasurementSchema, MetricIdSchema, type MetricDirection, type MetricUnit } from '../../model/kpi.js';
import { IsoDateSchema } from '../../model/primitives.js';
import { accumulates } from './_accumulates.js';
import { runningInputs } from './_runningInputs.js';

/** Input of {@link kpiTrend}. */
export const KpiTrendInputSchema = z
  .object({
    /** The metric to chart: an id or alias of the registry (`ctr`, `leads`, `roi_cn`). */
    metric: MetricIdSchema,
    /** Raw measurements, as stored. */
    measurements: z.array(MeasurementSchema),
    /** Bucket of each point: `day`, ISO `week` (the default) or calendar `month`. */
    period: z.enum(['day', 'week', 'month']).default('week'),
    /** One series per channel instead of one for everything. */
    byChannel: z.boolean().default(false),
    /** First day to include; the target's `periodStart` by default. */
    from: IsoDateSchema.optional(),
    /** Last day to include; the target's `periodEnd` by default. */
    to: IsoDateSchema.optional(),
    /** The target to draw; only measurements of its campaign (and channel, if it names one) are charted. */
    target: KpiTargetSchema.optional(),
    /** Whether the metric adds up over time, so its target is reached by accumulating; worked out from its formula when absent. */
    accumulates: z.boolean().optional(),
  })
  .refine((i) => i.from === undefined || i.to === undefined || i.from <= i.to, { message: '`to` must not be before `from`', path: ['to'] });
/** Input of {@link kpiTrend}, as accepted. */
export type KpiTrendInput = z.input<typeof KpiTrendInputSchema>;

// Only the shape is checked, as the KPI functions check it: a registry from createMetricRegistry always passes.
const isRegistry = (r: unknown): r is MetricRegistry =>
  typeof r === 'object' && r !== null && ['get', 'resolve', 'list'].every((key) => typeof (r as Record<string, unknown>)[key] === 'function');
const OptionsSchema = z.object({ registry: z.custom<MetricRegistry>(isRegistry, 'expected a metric registry from createMetricRegistry').optional() });

/** One period of a KPI trend. */
export interface KpiTrendPoint {
  /** `2026-03-02` (day), `2026-W10` (ISO week) or `2026-03` (month). */
  readonly period: string;
  /** First day of the period. */
  readonly start: string;
  /** Last day of the period. */
  readonly end: string;
  /** The period's measurement inputs, summed (non-additive ones carried by more than one measurement left out). */
  readonly inputs: Readonly<Record<string, number>>;
  /** How many measurements the period sums. */
  readonly measurementCount: number;
  /** The metric computed from the period's summed inputs, or `null` (see `reason`). */
  readonly value: number | null;
  /** The metric computed from the inputs summed from the first period through this one (non-additive inputs only while one measurement carries them). */
  readonly cumulative: number | null;
  /** The target value, on periods that overlap the target's period; `null` elsewhere or without a target. */
  readonly target: number | null;
  /**
   * Where `cumulative` should be by the period's end: for a metric that accumulates, the target ×
   * the share of the target's period elapsed (`expectedProgress`); for any other metric, the target
   * itself. `null` without a target, outside the target's period for a non-accumulating metric,
   * and for an accumulating one whose target has no period.
   */
  readonly expected: number | null;
  /** Why `value` is `null`, when it is. */
  readonly reason?: string;
}

/** The points of one channel, or of every measurement together. */
export interface KpiTrendSeries {
  /** The channel; absent for the series of everything, or of measurements without a channel. */
  readonly channel?: string;
  /** One point per period, every period of the range, in order. */
  readonly points: readonly KpiTrendPoint[];
}

/** A metric over time against its target. */
export interface KpiTrend {
  /** The metric id (an alias resolved). */
  readonly metric: string;
  /** The metric's display name. */
  readonly name: string;
  /** The metric's unit. */
  readonly unit: MetricUnit;
  /** Whether higher or lower is better. */
  readonly direction: MetricDirection;
  /** The bucket size. */
  readonly period: PeriodUnit;
  /** Whether the metric accumulates (see {@link KpiTrendInput}). */
  readonly accumulates: boolean;
  /** The target value, if a target was given. */
  readonly target: number | null;
  /** One series, or one per channel in channel order. */
  readonly series: readonly KpiTrendSeries[];
}

/**
 * A KPI over time: the metric per day, ISO week or month (optionally per channel), with its
 * cumulative value and the target and expected lines. Measurements are summed with
 * `aggregateMeasurements` and the metric is computed from each period's summed inputs, never
 * averaged: two days of 10 clicks / 100 impressions and 10 / 900 give a CTR of 20 / 1000 = 0.02,
 * not the mean 0.0556 of the days' CTRs. `cumulative` is computed the same way from everything up
 * to the period's end.
 *
 * @throws CampaignKitError `VALIDATION` for bad input (a measurement that does not fit in one
 * period, a target on another metric), `NOT_FOUND` for an unknown metric, `CURRENCY_MISMATCH` when a
 * series mixes currencies.
 * @example
 * ```ts
 * kpiTrend({
 *   metric: 'ctr', period: 'week',
 *   measurements: [
 *     { id: 'm1', campaignId: 'c1', date: '2026-03-02', values: { clicks: 10, impressions: 100 } },
 *     { id: 'm2', campaignId: 'c1', date: '2026-03-03', values: { clicks: 10, impressions: 900 } },
 *   ],
 * }).series[0]?.points[0];
 * // { period: '2026-W10', start: '2026-03-02', end: '2026-03-08', inputs: { clicks: 20, impressions: 1000 },
 * //   measurementCount: 2, value: 0.02, cumulative: 0.02, target: null, expected: null }
 * ```
 */
export function kpiTrend(input: KpiTrendInput, options: { readonly registry?: MetricRegistry } = {}): KpiTrend {
  const parsed = parseInput(KpiTrendInputSchema, input, 'KPI trend input');
  const registry = parseInput(OptionsSchema, options, 'KPI trend options').registry ?? defaultMetricRegistry;
  const metric = registry.get(parsed.metric);
  if (metric === undefined) {
    throw new CampaignKitError('NOT_FOUND', `Unknown metric "${parsed.metric}"; check the spelling or register it with createMetricRegistry`, { details: { ids: [parsed.metric] } });
  }
  const { target, period } = parsed;
  if (target !== undefined && registry.resolve(target.metric) !== metric.id) {
    throw invalidField('KPI trend input', ['target', 'metric'], `the target is on '${target.metric}', the trend on '${parsed.metric}'`);
  }
  const from = parsed.from ?? target?.periodStart;
  const to = parsed.to ?? target?.periodEnd;
  if (from !== undefined && to !== undefined && to < from) throw invalidField('KPI trend input', ['to'], `the last day (${to}) is before the first (${from})`);
  const measurements = parsed.measurements.filter((m) => target === undefined || (m.campaignId === target.campaignId && (target.channel === undefined || m.channel === target.channel)));
  const context = { registry };
  const groups = aggregateMeasurements(measurements, { period, groupBy: parsed.byChannel ? ['channel'] : [], from, to }, context);
  const first = from ?? groups.map((g) => g.period.start).sort()[0];
  const last = to ?? groups.map((g) => g.period.end).sort().at(-1);
  const grows = parsed.accumulates ?? accumulates(metric, registry);
  const trend = { metric: metric.id, name: metric.name, unit: metric.unit, direction: metric.direction, period, accumulates: grows, target: target?.target ?? null };
  if (first === undefined || last === undefined) return { ...trend, series: [] };
  const axis = periodsBetween(first, last, period);
  const channels = parsed.byChannel ? [...new Set(groups.map((g) => g.channel))] : [undefined];

  const valueOf = (inputs: Readonly<Record<string, number>>) => explainMetrics(inputs, [metric.id], context)[metric.id];
  const targetLines = (start: string, end: string): { target: number | null; expected: number | null } => {
    if (target === undefined) return { target: null, expected: null };
    const inPeriod = (target.periodStart === undefined || end >= target.periodStart) && (target.periodEnd === undefined || start <= target.periodEnd);
    const value = inPeriod ? target.target : null;
    if (!grows) return { target: value, expected: value };
    if (target.periodStart === undefined || target.periodEnd === undefined) return { target: value, expected: null };
    return { target: value, expected: target.target * expectedProgress({ periodStart: target.periodStart, periodEnd: target.periodEnd, asOf: end }) };
  };

  const series = channels.map((channel): KpiTrendSeries => {
    const mine = new Map<string, MeasurementGroup>(groups.filter((g) => !parsed.byChannel || g.channel === channel).map((g) => [g.period.key, g]));
    const periods = axis.map((p) => mine.get(p.key));
    const sofar = runningInputs(periods);
    const points = axis.map((p, i): KpiTrendPoint => {
      const group = periods[i];
      const inputs = group?.inputs ?? {};
      const result = valueOf(inputs);
      return {
        period: p.key,
        start: p.start,
        end: p.end,
        inputs,
        measurementCount: group?.measurementCount ?? 0,
        value: result?.value ?? null,
        cumulative: valueOf(sofar[i] ?? {})?.value ?? null,
        ...targetLines(p.start, p.end),
        ...(result?.reason === undefined ? {} : { reason: result.reason.message }),
      };
    });
    return { ...(channel === undefined ? {} : { channel }), points };
  });
  return { ...trend, series };
}
