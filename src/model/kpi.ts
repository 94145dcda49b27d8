import * as z from 'zod';
import { CampaignIdSchema, KpiTargetIdSchema, MeasurementIdSchema } from './ids.js';
import { CurrencyCodeSchema, IsoDateSchema } from './primitives.js';

/** A metric id: lower case (`ctr`, `cpl`, `roas`, or a host's own). */
export const MetricIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'expected a lower-case metric id such as ctr or roas');

/** The name of a raw input such as `impressions`, `clicks` or `spend`: lower case, `a-z0-9_`. */
export const InputNameSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'expected a lower-case input name such as clicks or spend');

/**
 * Units a metric's value is expressed in. `ratio` and `percent` values are both plain fractions
 * (`0.08`, never `8`); `percent` only tells a display to show it as `8 %`, `ratio` as `3.2×`.
 * `currency` values are minor units (cents, fen) per unit of the denominator, not rounded.
 */
export const METRIC_UNITS = ['ratio', 'percent', 'currency', 'count'] as const;
/** One of {@link METRIC_UNITS}. */
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** Whether a higher or a lower value of a metric is better. */
export const METRIC_DIRECTIONS = ['higher', 'lower'] as const;
/** One of {@link METRIC_DIRECTIONS}. */
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

/** A metric's definition: a formula over named inputs and other metrics. */
export const MetricDefinitionSchema = z.object({
  /** Id, lower case. */
  id: MetricIdSchema,
  /** Display name, e.g. "Click-through rate". */
  name: z.string().min(1).max(200),
  /**
   * Formula over the names in `inputs` and other metric ids, e.g. `clicks / impressions`; see
   * `parseFormula` for the grammar. A name listed in `inputs` always means the input.
   */
  formula: z.string().min(1).max(2000),
  /** Raw input names the formula reads; any other name in the formula must be a metric id. */
  inputs: z.array(InputNameSchema).max(64).default([]),
  /** Unit of the result. */
  unit: z.enum(METRIC_UNITS),
  /** Whether higher or lower values are better. */
  direction: z.enum(METRIC_DIRECTIONS),
  /** Where the definition comes from. */
  source: z.string().max(500).optional(),
  /** Notes, e.g. which denominator practice this variant follows. */
  description: z.string().max(2000).optional(),
  /** Other ids that mean this metric (e.g. `roi_cn` for `roas`). */
  aliases: z.array(MetricIdSchema).max(16).default([]),
});
/** A metric definition, as stored in a registry. */
export type MetricDefinition = z.infer<typeof MetricDefinitionSchema>;
/** A metric definition, as a host writes it (`inputs` and `aliases` may be left out). */
export type MetricDefinitionInput = z.input<typeof MetricDefinitionSchema>;

/** A target for one metric of one campaign (optionally one channel and period). */
export const KpiTargetSchema = z
  .object({
    /** Id. */
    id: KpiTargetIdSchema,
    /** Campaign. */
    campaignId: CampaignIdSchema,
    /** Metric id. */
    metric: MetricIdSchema,
    /** Target value in the metric's unit (money in minor units, ratios as fractions). */
    target: z.number(),
    /** Channel, if the target is per channel. */
    channel: z.string().min(1).max(100).optional(),
    /** First day of the period. */
    periodStart: IsoDateSchema.optional(),
    /** Last day of the period. */
    periodEnd: IsoDateSchema.optional(),
    /** Relative shortfall still "on track" (default 0.05 = 5 %). */
    tolerance: z.number().min(0).max(10).optional(),
    /** Relative shortfall still "at risk" rather than "off track" (default twice `tolerance`). */
    atRiskTolerance: z.number().min(0).max(10).optional(),
    /** Label of the tracked activity in reports, e.g. "Spring live stream" (default the campaign id). */
    activity: z.string().min(1).max(200).optional(),
    /** Why the actual differs from the target, as the team explains it. */
    reason: z.string().max(2000).optional(),
    /** What the team will change to improve the metric (the improvement direction). */
    improvement: z.string().max(2000).optional(),
  })
  .refine((t) => !t.periodStart || !t.periodEnd || t.periodStart <= t.periodEnd, {
    message: 'periodEnd must not be before periodStart',
    path: ['periodEnd'],
  })
  .refine((t) => t.tolerance === undefined || t.atRiskTolerance === undefined || t.atRiskTolerance >= t.tolerance, {
    message: 'atRiskTolerance must not be smaller than tolerance',
    path: ['atRiskTolerance'],
  });
/** A KPI target. */
export type KpiTarget = z.infer<typeof KpiTargetSchema>;
/** A KPI target, as accepted on input. */
export type KpiTargetInput = z.input<typeof KpiTargetSchema>;

/** Raw inputs for one campaign × channel × period (e.g. a day's impressions, clicks, spend). */
export const MeasurementSchema = z.object({
  /** Id. */
  id: MeasurementIdSchema,
  /** Campaign. */
  campaignId: CampaignIdSchema,
  /** Channel, e.g. `search`. */
  channel: z.string().min(1).max(100).optional(),
  /** First day the numbers cover. */
  date: IsoDateSchema,
  /** Length of the period the numbers cover, starting at `date`. */
  period: z.enum(['day', 'week', 'month']).default('day'),
  /** Currency of the money inputs (`spend`, `revenue`, …); amounts in two currencies are never summed. */
  currency: CurrencyCodeSchema.optional(),
  /** Input values by name (`impressions`, `clicks`, `spend` in minor units, …). */
  values: z.record(InputNameSchema, z.number()),
});
/** A measurement, as stored. */
export type Measurement = z.infer<typeof MeasurementSchema>;
/** A measurement, as accepted on input (`period` defaults to `day`). */
export type MeasurementInput = z.input<typeof MeasurementSchema>;

/** Where a benchmark comes from. */
export const BENCHMARK_SOURCES = ['industry', 'historical'] as const;

/** A reference value for a metric (optionally on one channel) to compare actuals with. */
export const BenchmarkSchema = z.object({
  /** Metric id. */
  metric: MetricIdSchema,
  /** Channel the benchmark applies to; absent means every channel without its own benchmark. */
  channel: z.string().min(1).max(100).optional(),
  /** Benchmark value in the metric's unit. */
  value: z.number(),
  /** An industry average or the host's own history. */
  source: z.enum(BENCHMARK_SOURCES),
  /** Relative deviation (in the bad direction) that raises an alert; default 0.1 = 10 %. */
  tolerance: z.number().min(0).max(10).optional(),
  /** Where the number was published or how it was derived, e.g. "2025 short-video ads report". */
  reference: z.string().max(500).optional(),
});
/** A benchmark. */
export type Benchmark = z.infer<typeof BenchmarkSchema>;
