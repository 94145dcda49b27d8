import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { METRIC_UNITS } from '../../model/kpi.js';
import { IsoDateSchema } from '../../model/primitives.js';
import type { KpiTrend } from '../series/kpiTrend.js';
import { ChartValueSchema } from './_chartOptions.js';
import { labelDefault, LinePassThroughShape, SeriesLabelSchema } from './_seriesChart.js';
import { lineChartSvg } from './lineChartSvg.js';
import type { LineSeries } from './lineChart.js';

// Only the fields drawn are checked; a KpiTrend from kpiTrend always passes.
const TrendSchema = z.looseObject({
  name: z.string().max(500),
  unit: z.enum(METRIC_UNITS),
  accumulates: z.boolean(),
  series: z
    .array(
      z.looseObject({
        channel: z.string().max(200).optional(),
        points: z
          .array(
            z.looseObject({
              end: IsoDateSchema,
              value: ChartValueSchema.nullable(),
              cumulative: ChartValueSchema.nullable(),
              target: ChartValueSchema.nullable(),
              expected: ChartValueSchema.nullable(),
            }),
          )
          .max(100_000),
      }),
    )
    // The line chart draws at most 100 series, two of them the target and expected lines.
    .max(98),
});

/** Options of {@link kpiTrendSvg}. */
export const KpiTrendSvgOptionsSchema = z.object({
  /** The title; the metric's name by default. */
  title: z.string().max(500).optional(),
  /** Series names in the legend and tooltips. */
  labels: z
    .object({
      /** The line of a trend without channels; the metric's name by default. */
      value: SeriesLabelSchema.optional(),
      /** The dashed target line (default `'Target'`). */
      target: labelDefault('Target'),
      /** The expected-progress line (default `'Expected'`). */
      expected: labelDefault('Expected'),
    })
    .prefault({}),
  /** Display names of channels by channel id (`{ search: '搜索' }`); a channel without one shows its id. */
  channelLabels: z.record(z.string().max(200), SeriesLabelSchema).default({}),
  /** Draw each period's `value` or the `cumulative` value; `cumulative` by default for a metric that accumulates, else `value`. */
  show: z.enum(['value', 'cumulative']).optional(),
  ...LinePassThroughShape,
  /** Text after each value; `'%'` by default for a percent metric, else none. */
  valueSuffix: z.string().max(20).optional(),
});
/** Options of {@link kpiTrendSvg}, as accepted. */
export type KpiTrendSvgOptions = z.input<typeof KpiTrendSvgOptionsSchema>;

/**
 * A {@link KpiTrend} as an SVG line chart: one line per channel (or one for everything) with a dot
 * per period, the target as a dashed line over the periods it covers, and, for a metric that
 * accumulates, the expected-progress line the cumulative value should follow. Each point sits on
 * the last day of its period. By default a metric that accumulates (leads, spend) shows its
 * cumulative value, so it meets the target and expected lines on the same scale; any other metric
 * (CTR, ROI) its value per period; `show` chooses. Percent metrics, kept as fractions, are drawn ×
 * 100 with a `%` suffix; ratios and counts as they are; currency metrics in minor units. Options:
 * `title` (the metric's name by default), `labels` (`value`, `target`, `expected`),
 * `channelLabels`, `show` and the line chart's size, text and colour options, as for
 * {@link burndownSvg}.
 *
 * @throws CampaignKitError `VALIDATION` for a trend whose points are not dated numbers, or bad options.
 * @example
 * ```ts
 * const trend = kpiTrend({ metric: 'ctr', measurements, byChannel: true, target });
 * kpiTrendSvg(trend, { title: '点击率', channelLabels: { search: '搜索', social: '社交' }, labels: { target: '目标' } });
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" … aria-label="点击率" …>'
 * ```
 */
export function kpiTrendSvg(trend: KpiTrend, options: KpiTrendSvgOptions = {}): string {
  const { name, unit, accumulates, series } = parseInput(TrendSchema, trend, 'KPI trend');
  const { title, labels, channelLabels, show, valueSuffix, ...rest } = parseInput(KpiTrendSvgOptionsSchema, options, 'KPI trend options');
  const scale = unit === 'percent' ? 100 : 1;
  const shown = (value: number | null): number | null => (value === null ? null : value * scale);
  const field = show ?? (accumulates ? 'cumulative' : 'value');
  const lines = series.map((s): LineSeries => {
    const channel = s.channel;
    const label = channel === undefined ? (labels.value ?? name) : Object.hasOwn(channelLabels, channel) ? (channelLabels[channel] ?? channel) : channel;
    return { name: label, markers: true, points: s.points.map((p) => ({ date: p.end, value: shown(p[field]) })) };
  });
  // The target and expected lines are the same for every channel.
  const reference = series[0]?.points ?? [];
  const target: LineSeries = { name: labels.target, line: 'dashed', points: reference.map((p) => ({ date: p.end, value: shown(p.target) })) };
  const expected: LineSeries[] = accumulates ? [{ name: labels.expected, points: reference.map((p) => ({ date: p.end, value: shown(p.expected) })) }] : [];
  return lineChartSvg({
    ...rest,
    title: title ?? name,
    valueSuffix: valueSuffix ?? (unit === 'percent' ? '%' : ''),
    series: [...lines, target, ...expected],
  });
}
