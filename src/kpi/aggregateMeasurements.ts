import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { invalidField, parseInput } from '../core/validate.js';
import { InputNameSchema, MeasurementSchema, MetricIdSchema, type Measurement, type MeasurementInput } from '../model/kpi.js';
import { IsoDateSchema } from '../model/primitives.js';
import { addDays, calendarMonth, isoWeek } from '../calendar/periods.js';
import { lastDayOfMonthsFrom } from './_dates.js';
import { ratAdd, ratFromNumber, ratInt, ratToNumber, type Rational } from './_rational.js';
import { computeMetrics } from './computeMetrics.js';
import type { MetricRegistry } from './createMetricRegistry.js';
import { METRIC_INPUTS, MetricInputValuesSchema } from './metricInputs.js';

/** Time buckets measurements can be summed into; `all` is one bucket for the whole range. */
export const AGGREGATION_PERIODS = ['day', 'week', 'month', 'all'] as const;

/** Options of {@link aggregateMeasurements}. */
export const AggregateOptionsSchema = z
  .object({
    /** Bucket size: `week` is the ISO week (Monday–Sunday), `month` the calendar month. Default `all`. */
    period: z.enum(AGGREGATION_PERIODS).default('all'),
    /** Keep campaigns and/or channels apart; default neither (everything summed together). */
    groupBy: z.array(z.enum(['campaign', 'channel'])).max(2).default([]),
    /** First day to include. */
    from: IsoDateSchema.optional(),
    /** Last day to include. */
    to: IsoDateSchema.optional(),
    /** Inputs that must not be added across measurements; default those {@link METRIC_INPUTS} marks non-additive. */
    nonAdditive: z.array(InputNameSchema).max(100).optional(),
    /** Metrics to compute for each group from its summed inputs. */
    metrics: z.array(MetricIdSchema).max(1000).optional(),
  })
  .refine((o) => !o.from || !o.to || o.from <= o.to, { message: 'to must not be before from', path: ['to'] });
/** Options of {@link aggregateMeasurements}. */
export type AggregateOptions = z.input<typeof AggregateOptionsSchema>;

/** The inputs of one campaign × channel × time bucket, summed. */
export interface MeasurementGroup {
  /** The campaign, when grouped by campaign. */
  readonly campaignId?: string;
  /** The channel, when grouped by channel (absent for measurements without one). */
  readonly channel?: string;
  /** The time bucket; for `all`, the range of the measurements (or of `from`/`to`). */
  readonly period: { readonly key: string; readonly start: string; readonly end: string };
  /** The currency of the money inputs, when the measurements name one. */
  readonly currency?: string;
  /** Summed inputs. */
  readonly inputs: Readonly<Record<string, number>>;
  /** Non-additive inputs left out because more than one measurement carried them. */
  readonly unsummable: readonly string[];
  /** How many measurements were summed. */
  readonly measurementCount: number;
  /** The requested metrics, computed from the summed inputs (ratios of sums). */
  readonly metrics?: Readonly<Record<string, number | null>>;
}

function lastDayOf(m: Measurement): string {
  if (m.period === 'day') return m.date;
  return m.period === 'week' ? addDays(m.date, 6) : lastDayOfMonthsFrom(m.date, 1);
}

function bucketOf(m: Measurement, index: number, period: (typeof AGGREGATION_PERIODS)[number]) {
  const end = lastDayOf(m);
  if (period === 'all') return { key: 'all', start: m.date, end };
  const bucket = period === 'day' ? { key: m.date, start: m.date, end: m.date } : period === 'week' ? isoWeek(m.date) : calendarMonth(m.date);
  if (end > bucket.end) {
    throw invalidField('measurements', [index, 'period'], `measurement ${m.id} covers ${m.date}..${end}, which cannot be split into ${period}s; aggregate by a longer period`);
  }
  return bucket;
}

interface Accumulator {
  campaignId?: string;
  channel?: string;
  period: { key: string; start: string; end: string };
  currency?: string;
  sums: Map<string, Rational>;
  carriers: Map<string, number>;
  count: number;
}

/**
 * Sums raw measurements per campaign, channel and time bucket. Ratios are never averaged: a
 * group's metrics are computed from its summed inputs (two days of 10/100 and 30/100 clicks per
 * impression give a CTR of 40/200 = 0.2, whatever the days' own CTRs were). A measurement that
 * covers a week or month goes into a bucket only if it fits inside it whole, and one straddling
 * `from`/`to` is rejected: splitting it would be a guess. Reach and other non-additive inputs are
 * kept only where one measurement alone carries them.
 *
 * @throws CampaignKitError `VALIDATION` for a bad measurement or one that cannot be placed,
 * `CURRENCY_MISMATCH` when one group mixes currencies.
 * @example
 * ```ts
 * aggregateMeasurements(
 *   [{ id: 'm1', campaignId: 'c1', date: '2026-03-02', values: { clicks: 10, impressions: 100 } },
 *    { id: 'm2', campaignId: 'c1', date: '2026-03-03', values: { clicks: 30, impressions: 100 } }],
 *   { period: 'week', metrics: ['ctr'] },
 * );
 * // [{ period: { key: '2026-W10', start: '2026-03-02', end: '2026-03-08' },
 * //    inputs: { clicks: 40, impressions: 200 }, unsummable: [], measurementCount: 2, metrics: { ctr: 0.2 } }]
 * ```
 */
export function aggregateMeasurements(
  measurements: readonly MeasurementInput[],
  options: AggregateOptions = {},
  context: { readonly registry?: MetricRegistry } = {},
): MeasurementGroup[] {
  const list = parseInput(z.array(MeasurementSchema), measurements, 'measurements');
  const opts = parseInput(AggregateOptionsSchema, options, 'aggregation options');
  const nonAdditive = new Set(opts.nonAdditive ?? Object.keys(METRIC_INPUTS).filter((name) => METRIC_INPUTS[name]?.additive === false));
  const byCampaign = opts.groupBy.includes('campaign');
  const byChannel = opts.groupBy.includes('channel');
  const groups = new Map<string, Accumulator>();

  list.forEach((m, index) => {
    parseInput(MetricInputValuesSchema, m.values, `measurement ${m.id} values`);
    const end = lastDayOf(m);
    if ((opts.from !== undefined && end < opts.from) || (opts.to !== undefined && m.date > opts.to)) return;
    if ((opts.from !== undefined && m.date < opts.from) || (opts.to !== undefined && end > opts.to)) {
      throw invalidField('measurements', [index, 'date'], `measurement ${m.id} covers ${m.date}..${end}, which straddles the range; it cannot be split`);
    }
    const bucket = bucketOf(m, index, opts.period);
    const key = JSON.stringify([byCampaign ? m.campaignId : null, byChannel ? (m.channel ?? null) : null, bucket.key]);
    let group = groups.get(key);
    if (!group) {
      group = { period: { ...bucket }, sums: new Map(), carriers: new Map(), count: 0 };
      if (byCampaign) group.campaignId = m.campaignId;
      if (byChannel && m.channel !== undefined) group.channel = m.channel;
      groups.set(key, group);
    }
    if (m.currency !== undefined && group.currency !== undefined && m.currency !== group.currency) {
      throw new CampaignKitError('CURRENCY_MISMATCH', `Measurement ${m.id} is in ${m.currency} but its group is in ${group.currency}; group by campaign or convert first`, {
        details: { ids: [m.id], currencies: [group.currency, m.currency] },
      });
    }
    if (m.currency !== undefined) group.currency = m.currency;
    if (opts.period === 'all') {
      if (m.date < group.period.start) group.period.start = m.date;
      if (end > group.period.end) group.period.end = end;
    }
    group.count += 1;
    for (const [name, value] of Object.entries(m.values)) {
      group.sums.set(name, ratAdd(group.sums.get(name) ?? ratInt(0), ratFromNumber(value)));
      group.carriers.set(name, (group.carriers.get(name) ?? 0) + 1);
    }
  });

  const result = [...groups.values()].map((group): MeasurementGroup => {
    const inputs: Record<string, number> = {};
    const unsummable: string[] = [];
    for (const [name, sum] of [...group.sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (nonAdditive.has(name) && (group.carriers.get(name) ?? 0) > 1) unsummable.push(name);
      else inputs[name] = sumToNumber(name, sum);
    }
    if (opts.period === 'all') {
      if (opts.from !== undefined) group.period.start = opts.from;
      if (opts.to !== undefined) group.period.end = opts.to;
    }
    return {
      ...(group.campaignId !== undefined ? { campaignId: group.campaignId } : {}),
      ...(group.channel !== undefined ? { channel: group.channel } : {}),
      period: group.period,
      ...(group.currency !== undefined ? { currency: group.currency } : {}),
      inputs,
      unsummable,
      measurementCount: group.count,
      ...(opts.metrics ? { metrics: computeMetrics(inputs, opts.metrics, context) } : {}),
    };
  });
  return result.sort((a, b) => compareKeys([a.campaignId, a.channel, a.period.start], [b.campaignId, b.channel, b.period.start]));
}

function sumToNumber(name: string, sum: Rational): number {
  const value = ratToNumber(sum);
  if (value === null) throw new CampaignKitError('LIMIT_EXCEEDED', `The sum of ${name} is too large for a number; check the measurements`, { details: { input: name } });
  return value;
}

function compareKeys(a: readonly (string | undefined)[], b: readonly (string | undefined)[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
