import * as z from 'zod';
import { ChartOptionsShape, ChartValueSchema } from './_chartOptions.js';
import { ColorSchema } from './_theme.js';

/** One series of a bar chart: a value per category. */
export const BarSeriesSchema = z.object({
  /** Name, in the legend and tooltips (`'Planned'`, `'Actual'`, `'Forecast'`). */
  name: z.string().max(200),
  /** One value per category, in the categories' order; null leaves the bar out. */
  values: z.array(ChartValueSchema.nullable()).max(10_000),
  /** `solid` (default) or `outline`, e.g. for a forecast. */
  fill: z.enum(['solid', 'outline']).default('solid'),
  /** Colour; default from the palette by position. */
  color: ColorSchema.optional(),
});

/** A horizontal line across the bars, e.g. a budget limit. */
export const BarThresholdSchema = z.object({
  /** Where it sits. */
  value: ChartValueSchema,
  /** Its label, written at its right end; none by default. */
  label: z.string().max(200).optional(),
  /** Colour (default `#c5221f`). */
  color: ColorSchema.default('#c5221f'),
});

/** A grouped bar chart: categories along x, a bar per series in each, optional threshold lines. */
export const BarChartSchema = z
  .object({
    /** Category labels, in order (a budget category, a period). */
    categories: z.array(z.string().max(200)).max(10_000),
    /** The series; each has a value per category. */
    series: z.array(BarSeriesSchema).max(100),
    /** Threshold lines; none by default. */
    thresholds: z.array(BarThresholdSchema).max(20).default([]),
    ...ChartOptionsShape,
  })
  .superRefine((chart, ctx) => {
    chart.series.forEach((s, i) => {
      if (s.values.length !== chart.categories.length) {
        ctx.addIssue({ code: 'custom', path: ['series', i, 'values'], message: `has ${s.values.length} values for ${chart.categories.length} categories: give one per category (null for none)` });
      }
    });
  });

/** Input of {@link barChartSvg}. */
export type BarChart = z.input<typeof BarChartSchema>;
/** One series of a {@link BarChart}. */
export type BarSeries = z.input<typeof BarSeriesSchema>;
/** One threshold line of a {@link BarChart}. */
export type BarThreshold = z.input<typeof BarThresholdSchema>;
