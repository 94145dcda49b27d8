import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { invalidField, parseInput } from '../core/validate.js';
import { BENCHMARK_SOURCES, BenchmarkSchema, MetricIdSchema, type Benchmark } from '../model/kpi.js';
import { ratAbs, ratCompare, ratDiv, ratFromNumber, ratSub, ratToNumber } from './_rational.js';
import { registryOption } from './_registryOption.js';
import type { MetricRegistry } from './createMetricRegistry.js';

/** Default relative deviation from a benchmark that raises an alert (10 %). */
export const DEFAULT_BENCHMARK_TOLERANCE = 0.1;

/** Input of {@link checkBenchmarks}. */
export const BenchmarkCheckSchema = z.object({
  /** Actual metric values to check, e.g. from `computeMetrics` per campaign and channel. */
  actuals: z.array(
    z.object({
      /** Metric id or alias. */
      metric: MetricIdSchema,
      /** The value; `null` values are skipped. */
      value: z.number().nullable(),
      /** Channel the value is for; picks the channel's benchmark when there is one. */
      channel: z.string().min(1).max(100).optional(),
      /** Campaign the value is for (copied to the alert). */
      campaignId: z.string().min(1).max(200).optional(),
    }),
  ),
  /** Benchmarks: at most one per metric, channel (or none) and source. */
  benchmarks: z.array(BenchmarkSchema),
  /** Deviation that raises an alert where a benchmark sets none; default 0.1. */
  tolerance: z.number().min(0).max(10).default(DEFAULT_BENCHMARK_TOLERANCE),
  /** `worse` (default) alerts only in the metric's bad direction; `both` also when far better. */
  alertOn: z.enum(['worse', 'both']).default('worse'),
});
/** Input of {@link checkBenchmarks}. */
export type BenchmarkCheckInput = z.input<typeof BenchmarkCheckSchema>;

/** A metric that is off its benchmark by more than the tolerance. */
export interface BenchmarkAlert {
  /** Metric id, as given. */
  readonly metric: string;
  /** Channel of the value, if any. */
  readonly channel?: string;
  /** Campaign of the value, if any. */
  readonly campaignId?: string;
  /** The actual value. */
  readonly actual: number;
  /** The benchmark compared with. */
  readonly benchmark: Benchmark;
  /** `(actual − benchmark) / |benchmark|`; `null` for a benchmark of 0. */
  readonly deviationRate: number | null;
  /** Whether the actual is below or above the benchmark. */
  readonly side: 'below' | 'above';
  /** True when the deviation is in the metric's bad direction. */
  readonly worse: boolean;
  /** A sentence for a notification. */
  readonly message: string;
}

function keyOf(metric: string, channel: string | undefined, source: string): string {
  return JSON.stringify([metric, channel ?? null, source]);
}

/**
 * Compares actual metric values with industry or historical benchmarks and returns an alert for
 * each one that deviates by more than the tolerance: for a higher-is-better metric (CTR) when it
 * falls below `benchmark × (1 − tolerance)`, for a lower-is-better one (CPC) when it rises above
 * `benchmark × (1 + tolerance)`. A channel's own benchmark is preferred to a channel-less one; an
 * industry and a historical benchmark are checked separately.
 *
 * @throws CampaignKitError `VALIDATION` for bad input or two benchmarks for the same metric,
 * channel and source; `NOT_FOUND` for an unknown metric.
 * @example
 * ```ts
 * checkBenchmarks({
 *   actuals: [{ metric: 'ctr', channel: 'short-video', value: 0.008 }],
 *   benchmarks: [{ metric: 'ctr', channel: 'short-video', value: 0.011, source: 'industry' }],
 * });
 * // [{ metric: 'ctr', channel: 'short-video', actual: 0.008, benchmark: { … }, deviationRate: -0.2727…,
 * //    side: 'below', worse: true, message: 'ctr on short-video is 27.3 % below the industry benchmark' }]
 * ```
 */
export function checkBenchmarks(input: BenchmarkCheckInput, options: { readonly registry?: MetricRegistry } = {}): BenchmarkAlert[] {
  const { actuals, benchmarks, tolerance, alertOn } = parseInput(BenchmarkCheckSchema, input, 'benchmark check');
  const registry = registryOption(options);
  const index = new Map<string, Benchmark>();
  benchmarks.forEach((b, i) => {
    const metric = registry.resolve(b.metric);
    if (metric === undefined) throw new CampaignKitError('NOT_FOUND', `Benchmark ${i} is on unknown metric "${b.metric}"`, { details: { ids: [b.metric] } });
    const key = keyOf(metric, b.channel, b.source);
    if (index.has(key)) throw invalidField('benchmark check', ['benchmarks', i], `a second ${b.source} benchmark for ${b.metric}${b.channel ? ` on ${b.channel}` : ''}`);
    index.set(key, b);
  });

  const alerts: BenchmarkAlert[] = [];
  for (const actual of actuals) {
    const metric = registry.get(actual.metric);
    if (!metric) throw new CampaignKitError('NOT_FOUND', `Unknown metric "${actual.metric}"`, { details: { ids: [actual.metric] } });
    if (actual.value === null) continue;
    for (const source of BENCHMARK_SOURCES) {
      const benchmark = index.get(keyOf(metric.id, actual.channel, source)) ?? index.get(keyOf(metric.id, undefined, source));
      if (!benchmark) continue;
      const diff = ratSub(ratFromNumber(actual.value), ratFromNumber(benchmark.value));
      if (diff.num === 0n) continue;
      const side = diff.num < 0n ? 'below' : 'above';
      const worse = (side === 'below') === (metric.direction === 'higher');
      const rate = ratDiv(diff, ratAbs(ratFromNumber(benchmark.value)));
      const limit = ratFromNumber(benchmark.tolerance ?? tolerance);
      // With a benchmark of 0 any deviation is beyond a relative tolerance.
      const beyond = rate === null || ratCompare(ratAbs(rate), limit) > 0;
      if (!beyond || (!worse && alertOn === 'worse')) continue;
      const deviationRate = rate === null ? null : ratToNumber(rate);
      const where = actual.channel ? ` on ${actual.channel}` : '';
      const size = deviationRate === null ? '' : `${Math.round(Math.abs(deviationRate) * 1000) / 10} % `;
      alerts.push({
        metric: actual.metric,
        ...(actual.channel !== undefined ? { channel: actual.channel } : {}),
        ...(actual.campaignId !== undefined ? { campaignId: actual.campaignId } : {}),
        actual: actual.value,
        benchmark,
        deviationRate,
        side,
        worse,
        message: `${actual.metric}${where} is ${size}${side} the ${source} benchmark`,
      });
    }
  }
  return alerts;
}
