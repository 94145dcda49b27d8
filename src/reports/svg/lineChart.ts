import * as z from 'zod';
import { IsoDateSchema } from '../../model/primitives.js';
import { ChartOptionsShape, ChartValueSchema } from './_chartOptions.js';
import { ColorSchema } from './_theme.js';

/** One point of a line: a day and a value (null for no value: the line breaks there). */
export const LinePointSchema = z.object({
  /** The day, `YYYY-MM-DD`. */
  date: IsoDateSchema,
  /** The value, or null where there is none (e.g. earned value after the status date). */
  value: ChartValueSchema.nullable(),
});

/** One named line of a line chart. */
export const LineSeriesSchema = z.object({
  /** Name, in the legend and tooltips. */
  name: z.string().max(200),
  /** Points; drawn in date order. */
  points: z.array(LinePointSchema).max(100_000),
  /** `solid` (default) or `dashed`, e.g. for an ideal line or a target. */
  line: z.enum(['solid', 'dashed']).default('solid'),
  /**
   * `none` (default); `fill` shades between the line and zero (an S-curve); `stack` stacks the
   * series on the `stack` series before it, shading the band between (cumulative flow). In a stack a
   * missing or null value counts as 0.
   */
  area: z.enum(['none', 'fill', 'stack']).default('none'),
  /** Colour; default from the palette by position. */
  color: ColorSchema.optional(),
  /** A dot at each point (default false; a series of one point always gets one). */
  markers: z.boolean().default(false),
});

/** A line chart: dates along x, one or more series, and the common chart options. */
export const LineChartSchema = z.object({
  /** The lines, drawn in order (the first at the bottom). */
  series: z.array(LineSeriesSchema).max(100),
  /** Name of the date axis, written under it; none by default. */
  dateLabel: z.string().max(200).optional(),
  ...ChartOptionsShape,
});

/** Input of {@link lineChartSvg}. */
export type LineChart = z.input<typeof LineChartSchema>;
/** One series of a {@link LineChart}. */
export type LineSeries = z.input<typeof LineSeriesSchema>;
/** One point of a {@link LineSeries}. */
export type LinePoint = z.input<typeof LinePointSchema>;
