import * as z from 'zod';
import { CurrencySchema } from '../../core/money.js';
import { CostCategorySchema } from '../../model/budget.js';
import { InstantSchema, IsoDateSchema, MinorUnitsSchema } from '../../model/primitives.js';
import { LabelSchema } from './_common.js';

/**
 * What the ROI report is built from at a campaign's close. Money is integer minor units of
 * `currency`; ROI and ROAS targets and benchmarks are fractions and ratios (`0.5` is +50 %,
 * `3.2` is 3.2×), CPL and CPA ones minor units per lead or acquisition, as in the KPI model.
 */

/** One cost category's planned and actual amounts. */
export const RoiCostSchema = z.object({
  /** Cost category id (`media`, `venue`, … or the host's own). */
  category: CostCategorySchema,
  /** Planned amount, if budgeted. */
  planned: MinorUnitsSchema.min(0).optional(),
  /** Actual cost: invoiced or paid expenses. */
  actual: MinorUnitsSchema.min(0),
});

/** One channel's spend and results. */
export const RoiChannelSchema = z.object({
  /** Channel name, e.g. `search` or `trade-show`. */
  channel: LabelSchema,
  /** Spend on the channel (the `spend` of ROAS, CPL and CPA). */
  spend: MinorUnitsSchema.min(0),
  /** Revenue attributed to the channel. */
  revenue: MinorUnitsSchema.min(0),
  /** Leads from the channel. */
  leads: z.number().finite().min(0).default(0),
  /** Conversions (acquisitions) from the channel. */
  conversions: z.number().finite().min(0).default(0),
});

/** A value for each return metric, any of them left out. */
export const RoiFiguresSchema = z.object({
  /** ROI as a fraction (`0.5` = +50 %). */
  roi: z.number().finite().optional(),
  /** ROAS as a ratio (`3.2`). */
  roas: z.number().finite().optional(),
  /** CPL in minor units per lead. */
  cpl: z.number().finite().optional(),
  /** CPA in minor units per acquisition. */
  cpa: z.number().finite().optional(),
});

/** Input of `roiReport`. */
export const RoiReportInputSchema = z
  .object({
    /** Campaign name. */
    campaign: LabelSchema,
    /** The campaign's first and last day. */
    period: z.object({
      /** First day. */
      from: IsoDateSchema,
      /** Last day. */
      to: IsoDateSchema,
    }),
    /** When the report was generated. */
    generatedAt: InstantSchema,
    /** Currency of every amount. */
    currency: CurrencySchema,
    /** Cost by category: their actuals add up to the `cost` of ROI. */
    costs: z.array(RoiCostSchema).default([]),
    /** Results by channel: their spend, revenue, leads and conversions are the other metric inputs. */
    channels: z.array(RoiChannelSchema).default([]),
    /** Targets to compare with. */
    targets: RoiFiguresSchema.default({}),
    /** Benchmarks (industry or the host's history) to compare with. */
    benchmarks: RoiFiguresSchema.default({}),
  })
  .refine((input) => input.period.from <= input.period.to, { message: 'period.to must not be before period.from', path: ['period', 'to'] });

/** Input of `roiReport`, as accepted (lists and figures may be left out). */
export type RoiReportInput = z.input<typeof RoiReportInputSchema>;
