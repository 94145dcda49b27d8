import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { IsoDateSchema } from '../../model/primitives.js';
import type { BurnChart } from '../series/burnChart.js';
import { ChartValueSchema } from './_chartOptions.js';
import { labelDefault, LinePassThroughShape } from './_seriesChart.js';
import { lineChartSvg } from './lineChartSvg.js';

// Only the fields drawn are checked; a BurnChart from burnChart always passes.
const BurnDaysSchema = z.looseObject({
  days: z
    .array(
      z.looseObject({
        date: IsoDateSchema,
        scope: ChartValueSchema,
        completed: ChartValueSchema,
        remaining: ChartValueSchema,
        ideal: ChartValueSchema,
      }),
    )
    .max(100_000),
});

/** Options of {@link burndownSvg}. */
export const BurndownSvgOptionsSchema = z.object({
  /** The title (default `'Burndown'`). */
  title: z.string().max(500).default('Burndown'),
  /** Series names in the legend and tooltips. */
  labels: z
    .object({
      /** The remaining line (default `'Remaining'`). */
      remaining: labelDefault('Remaining'),
      /** The dashed ideal line (default `'Ideal'`). */
      ideal: labelDefault('Ideal'),
    })
    .prefault({}),
  ...LinePassThroughShape,
});
/** Options of {@link burndownSvg}, as accepted. */
export type BurndownSvgOptions = z.input<typeof BurndownSvgOptionsSchema>;

/** Options of {@link burnupSvg}. */
export const BurnupSvgOptionsSchema = z.object({
  /** The title (default `'Burnup'`). */
  title: z.string().max(500).default('Burnup'),
  /** Series names in the legend and tooltips. */
  labels: z
    .object({
      /** The completed line (default `'Completed'`). */
      completed: labelDefault('Completed'),
      /** The scope line (default `'Scope'`). */
      scope: labelDefault('Scope'),
    })
    .prefault({}),
  ...LinePassThroughShape,
});
/** Options of {@link burnupSvg}, as accepted. */
export type BurnupSvgOptions = z.input<typeof BurnupSvgOptionsSchema>;

/**
 * The burndown of a {@link BurnChart} as an SVG line chart: what remains on each working day as a
 * solid line with a dot per day, and the ideal line, dashed. Values are drawn in the chart's
 * measure as they are (tasks, story points or working minutes); name the axis with `valueLabel`.
 * Options: `title`, `labels` (`remaining`, `ideal`) and the line chart's `width`, `height`,
 * `fontSize`, `fontFamily`, `valueLabel`, `valuePrefix`, `valueSuffix`, `dateLabel`,
 * `noDataLabel` and `colors`. A chart without days draws the empty frame with `noDataLabel`.
 *
 * @throws CampaignKitError `VALIDATION` for a chart whose days are not dated numbers, or bad options.
 * @example
 * ```ts
 * const chart = burnChart({ from: '2026-03-02', to: '2026-03-06', measure: 'tasks', facts });
 * burndownSvg(chart, { title: '燃尽图', labels: { remaining: '剩余', ideal: '理想' }, valueLabel: '任务' });
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" … aria-label="燃尽图" …>'
 * ```
 */
export function burndownSvg(chart: BurnChart, options: BurndownSvgOptions = {}): string {
  const { days } = parseInput(BurnDaysSchema, chart, 'burn chart');
  const { labels, ...rest } = parseInput(BurndownSvgOptionsSchema, options, 'burndown options');
  return lineChartSvg({
    ...rest,
    series: [
      { name: labels.remaining, markers: true, points: days.map((d) => ({ date: d.date, value: d.remaining })) },
      { name: labels.ideal, line: 'dashed', points: days.map((d) => ({ date: d.date, value: d.ideal })) },
    ],
  });
}

/**
 * The burnup of a {@link BurnChart} as an SVG line chart: what is completed on each working day,
 * with a dot per day, and the total scope above it, so scope added or removed shows as steps in
 * the upper line. Values are drawn in the chart's measure as they are. Options: `title`, `labels`
 * (`completed`, `scope`) and the line chart's size, text and colour options, as for
 * {@link burndownSvg}.
 *
 * @throws CampaignKitError `VALIDATION` for a chart whose days are not dated numbers, or bad options.
 * @example
 * ```ts
 * burnupSvg(burnChart({ from: '2026-03-02', to: '2026-03-06', measure: 'points', facts }), { valueLabel: 'Story points' });
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" … aria-label="Burnup" …>'
 * ```
 */
export function burnupSvg(chart: BurnChart, options: BurnupSvgOptions = {}): string {
  const { days } = parseInput(BurnDaysSchema, chart, 'burn chart');
  const { labels, ...rest } = parseInput(BurnupSvgOptionsSchema, options, 'burnup options');
  return lineChartSvg({
    ...rest,
    series: [
      { name: labels.completed, markers: true, points: days.map((d) => ({ date: d.date, value: d.completed })) },
      { name: labels.scope, points: days.map((d) => ({ date: d.date, value: d.scope })) },
    ],
  });
}
