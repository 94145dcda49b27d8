import * as z from 'zod';
import { ColorSchema, DEFAULT_FONT_FAMILY, FontFamilySchema } from './_theme.js';

/** A value on a chart: a plain number, small enough to print without an exponent. */
export const ChartValueSchema = z.number().min(-1e15).max(1e15);

/** Colours of the chart furniture. */
export const ChartColorsSchema = z.object({
  /** Behind everything (default `#ffffff`). */
  background: ColorSchema.default('#ffffff'),
  /** Title, labels and legend (default `#202124`). */
  text: ColorSchema.default('#202124'),
  /** The axis lines and the zero line (default `#5f6368`). */
  axis: ColorSchema.default('#5f6368'),
  /** Grid lines at the value ticks (default `#e8eaed`). */
  grid: ColorSchema.default('#e8eaed'),
});

/** A tick the caller places and labels, e.g. money formatted their way. */
export const ValueTickSchema = z.object({
  /** Where the tick sits. */
  value: ChartValueSchema,
  /** Its label. */
  label: z.string().max(100),
});

/** What every chart takes besides its data: size, text, fonts, colours and the value axis. */
export const ChartOptionsShape = {
  /** The visible title above the plot and the picture's accessible name; none by default. */
  title: z.string().max(500).optional(),
  /** Width in px (default 640). */
  width: z.number().min(120).max(20_000).default(640),
  /** Height in px (default 320). */
  height: z.number().min(100).max(20_000).default(320),
  /** Font size in px (default 12). */
  fontSize: z.number().min(4).max(100).default(12),
  /** Font-family list (default: a Latin face, then Noto Sans CJK SC, PingFang SC, Microsoft YaHei, …, sans-serif). */
  fontFamily: FontFamilySchema.default(DEFAULT_FONT_FAMILY),
  /** Name of the value axis, written along it; none by default. */
  valueLabel: z.string().max(200).optional(),
  /** Text before each value on the axis and in tooltips, e.g. `'¥'` (default none). */
  valuePrefix: z.string().max(20).default(''),
  /** Text after each value, e.g. `'%'` or `' h'` (default none). */
  valueSuffix: z.string().max(20).default(''),
  /** Ticks of the value axis, placed and labelled by the caller; default 1-2-5 steps labelled with prefix and suffix. */
  valueTicks: z.array(ValueTickSchema).max(100).optional(),
  /** Shown in the middle when there is nothing to plot (default `'No data'`). */
  noDataLabel: z.string().max(200).default('No data'),
  /** Colours of the furniture; series have their own. */
  colors: ChartColorsSchema.prefault({}),
};

/** Parsed common chart options. */
export type ChartSettings = z.output<z.ZodObject<typeof ChartOptionsShape>>;
