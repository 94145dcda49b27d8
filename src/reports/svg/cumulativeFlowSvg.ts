import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { IsoDateSchema } from '../../model/primitives.js';
import { FLOW_BANDS, type CumulativeFlow } from '../series/cumulativeFlow.js';
import { ChartValueSchema } from './_chartOptions.js';
import { labelDefault, LinePassThroughShape } from './_seriesChart.js';
import { lineChartSvg } from './lineChartSvg.js';

// Only the fields drawn are checked; a CumulativeFlow from cumulativeFlow always passes. A band a
// day does not carry counts as 0, as in any stack of the line chart.
const FlowSchema = z.looseObject({
  bands: z.array(z.enum(FLOW_BANDS)).max(20),
  days: z
    .array(
      z.looseObject({
        date: IsoDateSchema,
        bands: z.looseObject(Object.fromEntries(FLOW_BANDS.map((band) => [band, ChartValueSchema.optional()]))),
      }),
    )
    .max(100_000),
});

/** Options of {@link cumulativeFlowSvg}. */
export const CumulativeFlowSvgOptionsSchema = z.object({
  /** The title (default `'Cumulative flow'`). */
  title: z.string().max(500).default('Cumulative flow'),
  /** Band names in the legend and tooltips, by status category. */
  labels: z
    .object({
      /** Default `'Done'`. */
      done: labelDefault('Done'),
      /** Default `'In review'`. */
      in_review: labelDefault('In review'),
      /** Default `'In progress'`. */
      in_progress: labelDefault('In progress'),
      /** Default `'To do'`. */
      todo: labelDefault('To do'),
      /** Default `'Backlog'`. */
      backlog: labelDefault('Backlog'),
    })
    .prefault({}),
  ...LinePassThroughShape,
});
/** Options of {@link cumulativeFlowSvg}, as accepted. */
export type CumulativeFlowSvgOptions = z.input<typeof CumulativeFlowSvgOptionsSchema>;

/**
 * A {@link CumulativeFlow} as an SVG line chart of stacked bands: one band per status category
 * the flow lists, stacked bottom to top in the order of {@link FLOW_BANDS} (done at the bottom,
 * then in review, in progress, to do, backlog), so the top edge is the day's scope. Values are
 * drawn in the flow's measure as they are. Options: `title`, `labels` (one per status category)
 * and the line chart's size, text and colour options, as for {@link burndownSvg}.
 *
 * @throws CampaignKitError `VALIDATION` for a flow whose days are not dated numbers, or bad options.
 * @example
 * ```ts
 * const flow = cumulativeFlow({ from: '2026-03-02', to: '2026-03-13', facts });
 * cumulativeFlowSvg(flow, { labels: { done: '已完成', in_progress: '进行中', todo: '待办' } });
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" … aria-label="Cumulative flow" …>'
 * ```
 */
export function cumulativeFlowSvg(flow: CumulativeFlow, options: CumulativeFlowSvgOptions = {}): string {
  const { bands, days } = parseInput(FlowSchema, flow, 'cumulative flow');
  const { labels, ...rest } = parseInput(CumulativeFlowSvgOptionsSchema, options, 'cumulative flow options');
  const drawn = FLOW_BANDS.filter((band) => bands.includes(band));
  return lineChartSvg({
    ...rest,
    series: drawn.map((band) => ({
      name: labels[band],
      area: 'stack',
      points: days.map((d) => {
        const value = d.bands[band];
        return { date: d.date, value: typeof value === 'number' ? value : null };
      }),
    })),
  });
}
