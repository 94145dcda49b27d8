import * as z from 'zod';
import { CampaignIdSchema, KpiTargetIdSchema, MeasurementIdSchema } from './ids.js';
import { IsoDateSchema } from './primitives.js';

/** A metric id: lower case (`ctr`, `cpl`, `roas`, or a host's own). */
export const MetricIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'expected a lower-case metric id such as ctr or roas');

/** Units a metric's value is expressed in. */
export const METRIC_UNITS = ['ratio', 'percent', 'currency', 'count'] as const;

/** A metric's definition: a formula over named inputs and other metrics. */
export const MetricDefinitionSchema = z.object({
  /** Id, lower case. */
  id: MetricIdSchema,
  /** Display name, e.g. "Click-through rate". */
  name: z.string().min(1).max(200),
  /** Formula over inputs and metric ids, e.g. `clicks / impressions`. */
  formula: z.string().min(1).max(2000),
  /** Unit of the result. */
  unit: z.enum(METRIC_UNITS),
  /** Whether higher or lower values are better. */
  direction: z.enum(['higher', 'lower']),
  /** Where the definition comes from. */
  source: z.string().max(500).optional(),
  /** Notes, e.g. which denominator practice this variant follows. */
  description: z.string().max(2000).optional(),
});
/** A metric definition. */
export type MetricDefinition = z.infer<typeof MetricDefinitionSchema>;

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
    /** Relative deviation still "on track" (default 0.05 = 5 %). */
    tolerance: z.number().min(0).max(10).optional(),
  })
  .refine((t) => !t.periodStart || !t.periodEnd || t.periodStart <= t.periodEnd, {
    message: 'periodEnd must not be before periodStart',
    path: ['periodEnd'],
  });
/** A KPI target. */
export type KpiTarget = z.infer<typeof KpiTargetSchema>;

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
  /** Length of the period the numbers cover. */
  period: z.enum(['day', 'week', 'month']).default('day'),
  /** Input values by name (`impressions`, `clicks`, `spend` in minor units, …). */
  values: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.number()),
});
/** A measurement. */
export type Measurement = z.infer<typeof MeasurementSchema>;
